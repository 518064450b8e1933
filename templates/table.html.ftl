<#--
  One table as an HTML table (output format HTML: every ${...} is escaped). Group headers span their columns
  (colspan, a rule beneath when the table asks for one); the caption is "Table N: title"; the notes are the table's
  footer; a row with only a label spans the whole table. In number columns the closing bracket and stars hang in
  a reserved space (class "hang") so the last digits line up; negative numbers have a true minus sign (U+2212).
  Classes: table.reprise, th.group, th.rule, td.num, td.text, tr.full, tfoot td.notes, sup.stars.
  The data: as for table.md.ftl; cells also have shown (the text with U+2212 for a minus), shownCore and post;
  columns have hang (a number column with a closing bracket or stars somewhere).
-->
<#macro stars s><#if s?has_content><sup class="stars">${s}</sup></#if></#macro>
<#macro cell c col><#if c.kind == "NUMBER"><td class="num"><#if col.hang><#if c.numeric>${c.shownCore}<span class="hang">${c.post}<@stars c.stars/></span><#else>${c.shown}<span class="hang"><@stars c.stars/></span></#if><#else>${c.shown}<@stars c.stars/></#if></td><#else><td class="text">${c.shown}<@stars c.stars/></td></#if></#macro>
<table class="reprise" id="tab-${table.id}">
<caption><span class="label">Table ${table.number}</span><#if table.title?has_content>: ${table.title}</#if></caption>
<#if table.headers?has_content>
<thead>
<#list table.headers as hr>
<tr><#list hr.spans as s><#if s.width gt 1><th colspan="${s.width}" class="group<#if hr.rule && s.text?has_content> rule</#if>">${s.text}</th><#else><th class="<#if s.kind == "NUMBER">num<#else>text</#if>">${s.text}</th></#if></#list></tr>
</#list>
</thead>
</#if>
<#list table.sections as sec>
<tbody>
<#list sec.rows as r>
<#if r.full>
<tr class="full"><th colspan="${table.ncols}" scope="rowgroup">${r.cells[0].shown}</th></tr>
<#else>
<tr><#list r.cells as c><@cell c table.columns[c?index]/></#list></tr>
</#if>
</#list>
</tbody>
</#list>
<#if table.notes?has_content>
<tfoot>
<tr><td colspan="${table.ncols}" class="notes"><#list table.notes as n><p>${n}</p></#list></td></tr>
</tfoot>
</#if>
</table>
