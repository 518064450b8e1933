<#--
  One sentence for one key term in one column of a regression (or matching) table: the finding first, in the
  outcome's unit, with the standard error once (in percentage points beside a size in percentage points).
  Strings: Phrase / phrase (the column by what it is: "Without controls (column 1)", "In the East subsample",
           "In column 3 (Vul2)"), shortPhrase ("without controls"), where ("column (2) (Vul1, East)"),
           columnNumber ("(2)"), columnWord ("column 2"), column, group, term, outcome,
           estimate ("-0.1413"), se ("0.0276", as the table prints it), seInUnit (the SE in the size's unit: "2.76"
           percentage points beside a size in percentage points, else as se), size ("14.13"), unitWord ("yuan"),
           level ("1%"), loosest ("10%").
  Booleans: negative, positive, zero (sign of the estimate as printed), hasSe, sizeShown, showEstimate (quote the
            coefficient: no size phrase, or a log outcome), percentagePoints (probability outcome), percent (log
            outcome), tested (a p-value exists), significant, numbered (the table numbers its columns),
            levelInHeadline (every column meets the same level, said once in the headline sentence).
  Every number printed must be one of these variables, unchanged (see docs/narrative.md).
-->
${Phrase}, ${term}
<#if zero>
  has an estimated effect on ${outcome} of ${estimate}<#if hasSe> (SE ${se})</#if>
<#else>
  <#if negative>reduces<#else>increases</#if> ${outcome}<#if sizeShown> by ${size}<#if percentagePoints> percentage points<#elseif percent>%<#elseif unitWord?has_content> ${unitWord}</#if></#if>
  <#if showEstimate>(${estimate}<#if hasSe>, SE ${seInUnit}</#if>)<#elseif hasSe>(SE ${seInUnit})</#if>
</#if>
<#if tested && !levelInHeadline>
  <#if significant>, significant at the ${level} level<#else>, which is not statistically distinguishable from zero at the ${loosest} level</#if>
</#if>
.
