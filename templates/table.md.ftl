<#--
  One table as a GitHub pipe table (output format Markdown: every ${...} is escaped).
  A pipe table has a single header row, so multi-row headers are flattened this way:
  the FIRST header row becomes the pipe-table header, a spanning label written once, in the first column it
  covers (hr.once); each further header row (e.g. the model numbers "(1)", "(2)") follows as one of the first
  body rows.
  Section rules cannot be drawn in a pipe table. Stars are appended to the number (-0.0223***).
  The data: table.{id,title,number,ncols,columns[],headers[],sections[].rows[].cells[],notes[]}.
-->
<#macro stars s><#if s?matches("[*]+")>${s?no_esc}<#else>${s}</#if></#macro>
<#macro row cells>
|<#list cells as c> ${c} |</#list>
</#macro>
**Table ${table.number}<#if table.title?has_content>: ${table.title}</#if>**

<#if table.headers?has_content>
<@row table.headers[0].once/>
<#else>
|<#list table.columns as c>   |</#list>
</#if>
|<#list table.columns as c><#if c.kind == "NUMBER"> ---: |<#else> :--- |</#if></#list>
<#list table.headers as hr>
<#if hr?index gt 0>
<@row hr.once/>
</#if>
</#list>
<#list table.sections as sec>
<#list sec.rows as r>
|<#list r.cells as c> ${c.text}<@stars c.stars/> |</#list>
</#list>
</#list>
<#list table.notes as n>

*${n}*
</#list>
