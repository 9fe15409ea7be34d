#!/usr/bin/env python3
"""What the Native AOT executable is made of (docs/performance.md, "Native AOT: what the executable
is made of"): publishes macro/ with ILC's map file and sums the nodes' lengths by the assembly their
mangled names start with, then by the groups the table in the docs uses.

usage: python3 scripts/aot-image-size.py [--map FILE.map.xml --rsp FILE.ilc.rsp]
(without arguments it publishes into artifacts/aot-size/, about a minute)
"""
import collections
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Node-name prefixes that are not part of the assembly name (vtables, statics, unboxing stubs).
PREFIXES = ('unbox_', '__writableData', '__GCStaticBase_', '__NonGCStaticBase_', '__GCStaticEEType_',
            '__ThreadStaticBase_', '__FrozenSegment', '__Str_', '__GenericDict_', '__MethodGenericDictionary_')
# ILC abbreviates the System.Private.* assemblies to S_P_.
PRIVATE = ('S.P.CoreLib', 'S.P.TypeLoader', 'S.P.Reflection.Execution', 'S.P.StackTraceMetadata',
           'S.P.Interop', 'S.P.Xml', 'S.P.Uri')
GROUPS = [
    ('AWS SDK (AWSSDK.*)', r'^AWSSDK'),
    ('System.Net.* (HttpClient, TLS, sockets)', r'^System\.Net'),
    ('System.Security.Cryptography (+ X.509, ASN.1)', r'Cryptography|Asn1'),
    ('System.Private.Xml', r'^S\.P\.Xml'),
    ('System.Text.RegularExpressions', r'RegularExpressions'),
    ('System.Text.Json (+ Encodings.Web)', r'Text\.Json|Encodings\.Web'),
    ('YamlDotNet', r'^YamlDotNet'),
    ('VersioningMacro (our code)', r'^VersioningMacro'),
    ('System.Private.CoreLib', r'^S\.P\.CoreLib'),
    ('runtime data not split by assembly', r'^\('),
]


def publish():
    out = os.path.join(ROOT, 'artifacts', 'aot-size')
    subprocess.run(['dotnet', 'publish', os.path.join(ROOT, 'macro', 'VersioningMacro.csproj'), '-c', 'Release',
                    '-r', 'linux-x64', '-p:PublishAot=true', '-p:IlcGenerateMapFile=true', '--artifacts-path', out,
                    '-o', os.path.join(out, 'publish'), '--nologo', '-v', 'q', '--disable-build-servers'], check=True)
    native = os.path.join(out, 'obj', 'VersioningMacro', 'release_linux-x64', 'native')
    return os.path.join(native, 'VersioningMacro.map.xml'), os.path.join(native, 'VersioningMacro.ilc.rsp')


def assemblies(rsp):
    names = set(PRIVATE)
    for line in open(rsp):
        line = line.strip()
        if line.endswith('.dll') and (line.startswith('-r:') or not line.startswith('-')):
            names.add(os.path.basename(line)[:-4])
    # Longest first, so System.Net.Http wins over System.Net.
    return sorted(((n.replace('.', '_') + '_', n) for n in names), key=lambda p: -len(p[0]))


def owner(name, prefixes):
    name = re.sub(r'^_ZTV\d+', '', name)
    for p in PREFIXES:
        if name.startswith(p):
            name = name[len(p):]
    name = name.lstrip('_')
    for mangled, assembly in prefixes:
        if name.startswith(mangled):
            return assembly
    # Generic instantiations over a type of that assembly.
    for mangled, assembly in prefixes:
        if mangled in name:
            return assembly
    return None


def main():
    if '--map' in sys.argv:
        mapfile, rsp = sys.argv[sys.argv.index('--map') + 1], sys.argv[sys.argv.index('--rsp') + 1]
    else:
        mapfile, rsp = publish()
    prefixes = assemblies(rsp)
    by_assembly = collections.Counter()
    for _, node in ET.iterparse(mapfile):
        name, length = node.get('Name'), node.get('Length')
        if name is not None and length is not None:
            by_assembly[owner(name, prefixes) or f'({node.tag})'] += int(length)
        node.clear()
    total = sum(by_assembly.values())
    groups = collections.Counter()
    for assembly, size in by_assembly.items():
        label = next((g for g, rx in GROUPS if re.search(rx, assembly)), 'other framework')
        groups[label] += size
    print(f'{total / 1024:,.0f} KiB of nodes in the map')
    print('| part of the executable | KiB | share |\n|---|---:|---:|')
    for label, size in groups.most_common():
        print(f'| {label} | {size / 1024:,.0f} | {100 * size / total:.0f}% |')
    print('\nLargest assemblies and runtime-data nodes:')
    for assembly, size in by_assembly.most_common(25):
        print(f'{size / 1024:9,.0f} KiB  {assembly}')


if __name__ == '__main__':
    main()
