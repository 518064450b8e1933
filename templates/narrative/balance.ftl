<#--
  Balance after matching (pstest). Strings: method ("Nearest neighbour 1:1"), nCovariates, nDiffer, nStrictest
  (words), differ (the covariates whose matched difference has p below the loosest level), loosest ("10%"),
  strictest ("1%"), biasBefore, biasAfter (mean |%bias|), chi2, p (joint LR test on the matched sample), rubinB,
  rubinR. Booleans: anyDiffer, oneDiffers, anyStrictest, strictestDiffers, joint, pBelow, rejects, rubin, bFails,
  rFails, balanced (no covariate differs at the strictest level, the joint test does not reject, B and R within
  Rubin's guide).
-->
<#if anyDiffer>
  After matching (${method}), ${nDiffer} of the ${nCovariates} covariates still <#if oneDiffers>differs<#else>differ</#if> between participants and their matches at the ${loosest} level (${differ})<#if strictestDiffers && anyStrictest>, ${nStrictest} of them at the ${strictest} level</#if>
<#else>
  After matching (${method}), none of the ${nCovariates} covariates differs between participants and their matches at the ${loosest} level
</#if>
; the mean absolute standardised bias goes from ${biasBefore} to ${biasAfter}
<#if joint>
  , and the joint test <#if rejects>rejects<#else>does not reject</#if> balance (LR χ² = ${chi2}, p ${pBelow?then("<", "=")} ${p})
</#if>
<#if rubin>
  ; Rubin's B is ${rubinB} and R is ${rubinR}<#if bFails || rFails>, outside Rubin's (2001) guide of B below 25 and R between 0.5 and 2<#else>, within Rubin's (2001) guide of B below 25 and R between 0.5 and 2</#if>
</#if>
.
<#if balanced && anyDiffer>
  By the joint test and Rubin's guide the matched sample is balanced, and no covariate differs at the ${strictest} level, though <#if oneDiffers>${differ} still differs<#else>these still differ</#if> at the ${loosest} level.
<#elseif balanced>
  By these criteria the matched sample is balanced.
<#else>
  The matched sample is therefore not balanced on the observed covariates, and the effects estimated on it compare participants with households that still differ from them.
</#if>
