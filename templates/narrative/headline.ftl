<#--
  The headline for one key term estimated in two or more columns: the direction in how many of them, then the
  significance they share. Counts are words, so this sentence prints no number.
  Strings: term, outcome (the outcome when all columns share it, else ""), group (the spanning header when all
           columns sit under one, else ""), columns ("columns", or "samples" for a matching table), nColumns ("six"),
           nNegative, nPositive, nZero, nSignificant (words), commonLevel ("1%" when every estimate meets exactly
           that level as its strictest, else ""), loosest ("10%").
  Booleans: allNegative, allPositive, someZero, tested (every column has a p-value), allSignificant,
            noneSignificant.
-->
<#assign what><#if outcome?has_content>${outcome}<#else>the outcome</#if></#assign>
<#if group?has_content>${group}: ${term}<#else>${term?cap_first}</#if>
<#if allNegative>reduces ${what} in ${(nColumns == "two")?then("both", "all " + nColumns)} ${columns}
<#elseif allPositive>increases ${what} in ${(nColumns == "two")?then("both", "all " + nColumns)} ${columns}
<#else>reduces ${what} in ${nNegative} of the ${nColumns} ${columns} and increases it in ${nPositive}<#if someZero> (the estimate prints as zero in ${nZero})</#if>
</#if>
<#if tested>
  <#if commonLevel?has_content>, and every estimate is significant at the ${commonLevel} level
  <#elseif allSignificant>, and every estimate is significant at the ${loosest} level or better
  <#elseif noneSignificant>, but no estimate is statistically distinguishable from zero at the ${loosest} level
  <#else>; ${nSignificant} of the ${nColumns} estimates are significant at the ${loosest} level or better
  </#if>
</#if>
.
