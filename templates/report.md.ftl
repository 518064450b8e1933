<#--
  The report in GitHub Markdown (output format Markdown: every ${...} is escaped).
  Data: title, authors[], abstract, blocks[] with type "heading" (level, text), "paragraph" (text),
  "table" (table, rendered by table.md.ftl) or "figure" (id, file, path, src, caption, number, present).
-->
# ${title}
<#if authors?has_content>

<#list authors as a>${a}<#sep>, </#sep></#list>
</#if>
<#if abstract?has_content>

**Abstract.** ${abstract}
</#if>
<#list blocks as b>

<#if b.type == "heading">
<#list 0..b.level as i>#</#list> ${b.text}
<#elseif b.type == "paragraph">
${b.text}
<#elseif b.type == "table">
<#assign table = b.table>
<#include "table.md.ftl">
<#elseif b.type == "figure">
<#if b.present>
![Figure ${b.number}](${b.src?no_esc})

*Figure ${b.number}<#if b.caption?has_content>: ${b.caption}</#if>*
<#else>
*Figure ${b.number}<#if b.caption?has_content>: ${b.caption}</#if>* (file ${b.path} not found)
</#if>
</#if>
</#list>
