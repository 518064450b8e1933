<#--
  One sentence comparing a key term's estimate between two columns (a and b) with the same outcome.
  Strings: term, outcome; for each side (prefix a or b): aName (the column by what it is, as it reads after
           "larger in magnitude": "without controls", "in the East subsample", "in column 2 (Vul1)"), aPhrase (the
           same with the column number where the table has one), aWhere ("column (2) (Vul1, East)"),
           aColumnNumber, aColumnWord, aColumn, aGroup, aEstimate;
           level ("5%", the strictest level the z-test meets), loosest ("10%"), z ("2.31"), p ("0.021").
  Booleans: larger, smaller, same (magnitude of a against b, as printed), oppositeSigns,
            independent (the samples are disjoint), haveSe, tested (a z-test was done), significant, pBelow (print "p < ${p}").
  Every number printed must be one of these variables, unchanged (see docs/narrative.md).
-->
<#if oppositeSigns>
  The estimates of ${term} on ${outcome} have opposite signs: ${aEstimate} ${aName} and ${bEstimate} ${bName}
<#elseif same>
  The estimate of ${term} on ${outcome} is the same, as printed, ${aName} and ${bName} (${aEstimate})
<#else>
  The estimate of ${term} on ${outcome} is <#if significant>significantly </#if><#if larger>larger<#else>smaller</#if>
  in magnitude ${aName} (${aEstimate}) than ${bName} (${bEstimate})
</#if>
<#if tested>
  ; the difference is <#if significant>statistically significant at the ${level} level<#else>not statistically significant at the ${loosest} level</#if>
  (z = ${z}, p ${pBelow?then("<", "=")} ${p})
<#elseif !independent>
  ; both columns use the same sample, so the difference is not tested
<#else>
  ; without standard errors for both, the difference is not tested
</#if>
.
