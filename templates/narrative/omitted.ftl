<#--
  Controls a column had to omit. Strings: names ("Age, Distance and Education"), omittedColumns ("columns 2, 4 and
  6"), nControls, nEstimated (words). Booleans: plural, singleColumn, fixedEffects (every such column has fixed
  effects), countsKnown (the columns agree on how many controls they hold and estimate).
-->
${names} <#if plural>are<#else>is</#if> omitted from ${omittedColumns}
<#if fixedEffects>
  : <#if plural>they are<#else>it is</#if> collinear with the fixed effects (constant within the fixed-effect groups, or changing by the same amount for every unit), so <#if plural>their effects are<#else>its effect is</#if> not identified there
<#else>
  because of collinearity with the other regressors
</#if>
<#if countsKnown>, and <#if singleColumn>that column estimates<#else>those columns estimate</#if> ${nEstimated} of <#if singleColumn>its<#else>their</#if> ${nControls} controls</#if>.
