<#--
  One table as a LaTeX fragment: just the table environment, to \input into a manuscript
  (output format LaTeX: every ${...} is escaped). Number columns are siunitx S columns aligned on the
  decimal point; parentheses and stars hang outside the number ({(}0.0123{)}, -0.0223\sym{***}),
  with table-space-text-pre/post reserving their width; text cells in number columns are braced (centred).
  table.latex (size, landscape, tabcolsep, packages), header spans' lines and columns' wrap are the layout
  chosen to fit the page (docs/output.md, "LaTeX tables that fit"); full rows span the whole table.
-->
<#macro stars s><#if s?matches("[*]+")>\sym{${s?no_esc}}<#elseif s?has_content>\sym{${s}}</#if></#macro>
<#macro colspec c><#if c.s>S[table-format=${c.format}, table-align-text-before=false, table-align-text-after=false<#if c.pre?has_content>, table-space-text-pre={${c.pre}}</#if><#if c.post?has_content || c.stars?has_content>, table-space-text-post={${c.post}<@stars c.stars/>}</#if>]<#elseif c.wrap?has_content>>{\raggedright\arraybackslash}p{${c.wrap}\linewidth}<#elseif c.kind == "NUMBER">c<#else>l</#if></#macro>
<#macro label s><#if s.lines?size gt 1>\makecell[b]{<#list s.lines as l>${l}<#sep>\\</#sep></#list>}<#else>${s.text}</#if></#macro>
<#macro head s><#if s.width gt 1>\multicolumn{${s.width}}{c}{<@label s/>}<#elseif s.s>{<@label s/>}<#else><@label s/></#if></#macro>
<#macro cell c><#if c.s><#if c.pre?has_content>{${c.pre}}</#if>${c.num}<#if c.post?has_content>{${c.post}}</#if><@stars c.stars/><#elseif c.kind == "NUMBER">{${c.text}<@stars c.stars/>}<#else>${c.text}<@stars c.stars/></#if></#macro>
% Reprise table ${table.id?no_esc}
% Preamble requirements: ${table.latex.packages?no_esc}
<#if table.latex.fits>
% Sized for the text width of an 11pt article with 1-inch margins (A4 or US letter)
<#else>
% Wider than the text width of an 11pt article with 1-inch margins even so: set the table's latex: key
</#if>
<#if table.latex.landscape>
\begin{sidewaystable}
<#else>
\begin{table}[htbp]
</#if>
\centering
\providecommand{\sym}[1]{\ifmmode^{#1}\else\(^{#1}\)\fi}
\begin{threeparttable}
<#if table.title?has_content>
\renewcommand{\thetable}{${table.number}}% the report's number for this table (spec key `number:`)
\caption{${table.title}}
</#if>
\label{tab:${table.id?no_esc}}
<#if table.latex.size?has_content>
\${table.latex.size?no_esc}
</#if>
<#if table.latex.tabcolsep?has_content>
\setlength{\tabcolsep}{${table.latex.tabcolsep?no_esc}}
</#if>
\begin{tabular}{@{}<#list table.columns as c><@colspec c/><#sep> </#sep></#list>@{}}
\toprule
<#list table.headers as hr>
<#list hr.spans as s><@head s/><#sep> & </#sep></#list> \\
<#if hr.rules?has_content>
<#list hr.rules as r>\cmidrule(lr){${r.first}-${r.last}}</#list>
</#if>
</#list>
<#if table.headers?has_content>
\midrule
</#if>
<#list table.sections as sec>
<#list sec.rows as r>
<#if r.full>
\multicolumn{${table.ncols}}{@{}l@{}}{<@cell r.cells[0]/>} \\
<#else>
<#list r.cells as c><@cell c/><#sep> & </#sep></#list> \\
</#if>
</#list>
<#sep>
\midrule
</#sep>
</#list>
\bottomrule
\end{tabular}
<#if table.notes?has_content>
\begin{tablenotes}[flushleft]
\footnotesize
<#list table.notes as n>
\item ${n}
</#list>
\end{tablenotes}
</#if>
\end{threeparttable}
<#if table.latex.landscape>
\end{sidewaystable}
<#else>
\end{table}
</#if>
