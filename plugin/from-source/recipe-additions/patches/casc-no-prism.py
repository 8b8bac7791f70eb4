#!/usr/bin/env python3
"""Build only the plugin module of configuration-as-code and drop its prism-api use (syntax highlighting of the export page), so prism-api and its
plugin chain (plugin-util-api, font-awesome-api, bootstrap5-api, ...) need not be built."""
import sys, re
root = sys.argv[1]
def edit(path, fn):
    p = root + '/' + path; s = open(p).read(); t = fn(s)
    if t == s: sys.exit('casc-no-prism: nothing changed in ' + path)
    open(p, 'w').write(t); print('patched', path)
edit('plugin/pom.xml', lambda s: re.sub(r'\s*<dependency>\s*<groupId>io\.jenkins\.plugins</groupId>\s*<artifactId>prism-api</artifactId>\s*</dependency>', '', s))
edit('plugin/src/main/java/io/jenkins/plugins/casc/ConfigurationAsCode.java', lambda s: re.sub(
    r'\n[ \t]*@Restricted\(NoExternalUse\.class\)\s*public PrismConfiguration getPrismConfiguration\(\) \{\s*return PrismConfiguration\.getInstance\(\);\s*\}',
    '', s.replace('import io.jenkins.plugins.prism.PrismConfiguration;\n', '')))
edit('plugin/src/main/resources/io/jenkins/plugins/casc/ConfigurationAsCode/viewExport.jelly',
     lambda s: re.sub(r'[ \t]*<p:prism [^>]*/>\n', '', s))
# only the plugin module: test-harness (needs jackson2-api) and integrations (dozens of plugins) are not built
edit('pom.xml', lambda s: re.sub(r'\s*<module>(test-harness|integrations)</module>', '', s))
