<#--
  One sentence comparing a key term's estimate between two columns (a and b) with the same outcome.
  Strings: term, outcome; for each side (prefix a or b): aName (the column label when both sides have different
           labels, else as aWhere), aWhere ("column (2) (Vul1, East)"), aColumnNumber, aColumn, aGroup, aEstimate;
           level ("5%", the strictest level the z-test meets), loosest ("10%"), z ("2.31"), p ("0.021").
  Booleans: larger, smaller, same (magnitude of a against b, as printed), oppositeSigns,
            independent (the samples are disjoint), haveSe, tested (a z-test was done), significant, pBelow (print "p < ${p}").
  Every number printed must be one of these variables, unchanged (see docs/narrative.md).
-->
<#if oppositeSigns>
  The estimates of ${term} on ${outcome} have opposite signs: ${aEstimate} in ${aName} and ${bEstimate} in ${bName}
<#elseif same>
  The estimate of ${term} on ${outcome} is the same, as printed, in ${aName} and ${bName} (${aEstimate})
<#else>
  The estimate of ${term} on ${outcome} is <#if significant>significantly </#if><#if larger>larger<#else>smaller</#if>
  in magnitude in ${aName} (${aEstimate}) than in ${bName} (${bEstimate})
</#if>
<#if tested>
  ; the difference is <#if significant>statistically significant at the ${level} level<#else>not statistically significant at the ${loosest} level</#if>
  (z = ${z}, p ${pBelow?then("<", "=")} ${p})
<#elseif !independent>
  ; the two columns do not use independent samples, so no test of the difference is reported
<#else>
  ; without standard errors for both, the difference is not tested
</#if>
.
