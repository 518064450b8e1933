<#--
  One sentence for one key term in one column of a regression table.
  Every variable is a pre-formatted string or a boolean; numbers are printed exactly as the table prints them.
  Strings: where ("column (2) (Vul1, East)"), columnNumber ("(2)"), column, group, name, term, outcome,
           estimate ("-0.1413"), se ("0.0276"), size ("14.13"), unitWord ("yuan"), level ("1%"), loosest ("10%").
  Booleans: negative, positive, zero (sign of the estimate as printed), hasSe, sizeShown,
            percentagePoints (probability outcome), percent (log outcome), tested (a p-value exists), significant.
  Every number printed must be one of these variables, unchanged (see docs/narrative.md).
-->
In ${where}, ${term}
<#if zero>
  has an estimated effect on ${outcome} of ${estimate}<#if hasSe> (SE ${se})</#if>
<#else>
  <#if negative>reduces<#else>increases</#if> ${outcome}<#if sizeShown> by ${size}<#if percentagePoints> percentage points<#elseif percent>%<#elseif unitWord?has_content> ${unitWord}</#if></#if>
  (${estimate}<#if hasSe>, SE ${se}</#if>)
</#if>
<#if tested>
  , which is <#if significant>significant at the ${level} level<#else>not statistically distinguishable from zero at the ${loosest} level</#if>
</#if>
.
