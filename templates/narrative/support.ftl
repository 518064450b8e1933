<#--
  Participants dropped by common support. samples: a list, each with phrase ("in the full sample"), off ("91"),
  treated ("2277"). Strings: thin (the samples where more than a tenth are off support), thinPercent ("a tenth").
  Booleans: anyOff, anyThin.
-->
<#if !anyOff>
  Every participant lies on the common support in every sample, so the estimates describe all participants.
<#else>
  Imposing common support drops
  <#list samples as s>${s.off} of the ${s.treated} participants ${s.phrase}<#if s?has_next><#if s?index == samples?size - 2> and <#else>, </#if></#if></#list>;
  the estimates describe the participants on the support only
  <#if anyThin>, and ${thin} more than ${thinPercent} of them are dropped, so the support there is thin and the estimate applies to a selected group</#if>.
</#if>
