<#-- license-maven-plugin's add-third-party writes one line per artifact for third-party.mjs:
     groupId:artifactId <TAB> version <TAB> licences after licenseMerges, separated by '|'. -->
<#list dependencyMap as e>
<#assign p = e.getKey()/>
${p.groupId}:${p.artifactId}	${p.version}	${e.getValue()?join("|")}
</#list>
