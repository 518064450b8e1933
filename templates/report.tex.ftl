<#--
  The report as a standalone LaTeX document for pdflatex (output format LaTeX: every ${...} is escaped).
  Tables are rendered by table.tex.ftl, the same template that writes tables/ID.tex.
-->
\documentclass[11pt]{article}
\usepackage[T1]{fontenc}
\usepackage{mathptmx}
\usepackage[margin=1in]{geometry}
\usepackage{booktabs}
\usepackage{threeparttable}
\usepackage{siunitx}
\usepackage{array}
\usepackage{makecell}
\usepackage{rotating}
\usepackage{graphicx}
% a long unbreakable word may stretch its line rather than run into the margin
\setlength{\emergencystretch}{3em}
\newcommand{\sym}[1]{\ifmmode^{#1}\else\(^{#1}\)\fi}

\title{${title}}
\author{<#list authors as a>${a}<#sep> \and </#sep></#list>}
\date{}

\begin{document}
\maketitle
<#if abstract?has_content>

\begin{abstract}
${abstract}
\end{abstract}
</#if>
<#list blocks as b>

<#if b.type == "heading">
<#if b.level == 1>\section<#elseif b.level == 2>\subsection<#else>\subsubsection</#if>{${b.text}}
<#elseif b.type == "paragraph">
${b.text}
<#elseif b.type == "table">
<#assign table = b.table>
<#include "table.tex.ftl">
<#elseif b.type == "figure">
\begin{figure}[htbp]
\centering
<#if b.present>
\includegraphics[width=0.8\linewidth]{${b.path?no_esc}}
<#else>
\fbox{\parbox{0.6\linewidth}{\centering Figure file ${b.path} not found.}}
</#if>
<#if b.caption?has_content>
\caption{${b.caption}}
</#if>
\label{fig:${b.id?no_esc}}
\end{figure}
</#if>
</#list>

\end{document}
