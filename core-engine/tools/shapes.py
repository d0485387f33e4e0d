#!/usr/bin/env python3
"""Writes core-engine's request-shape table from the service models botocore ships (Apache-2.0).

Usage: python3 core-engine/tools/shapes.py BOTOCORE_DATA_DIR > core-engine/src/main/resources/dev/dynamotest/protocol/request-shapes.json
(BOTOCORE_DATA_DIR: e.g. /usr/lib/python3/dist-packages/botocore/data). Only the shapes reachable from each
operation's input are kept, with their JSON type and, for structures, lists and maps, the shapes they hold:
what the service's deserializer checks before any validation (dev.dynamotest.protocol.RequestShapes).
"""
import gzip, json, os, sys

def load(path):
    for p in (path, path + '.gz'):
        if os.path.exists(p):
            with (gzip.open(p, 'rt') if p.endswith('.gz') else open(p)) as f:
                return json.load(f)
    raise SystemExit('no model at ' + path)

def trim(model):
    shapes, out = model['shapes'], {}
    def visit(name):
        if name in out:
            return
        s = shapes[name]
        t = s['type']
        entry = {'t': t}
        out[name] = entry
        if t == 'structure':
            entry['m'] = {m: v['shape'] for m, v in s.get('members', {}).items()}
            for v in entry['m'].values():
                visit(v)
        elif t == 'list':
            entry['e'] = s['member']['shape']
            visit(entry['e'])
        elif t == 'map':
            entry['v'] = s['value']['shape']
            visit(entry['v'])
    ops = {}
    for op, o in sorted(model['operations'].items()):
        if 'input' in o:
            ops[op] = o['input']['shape']
            visit(ops[op])
    return {'operations': ops, 'shapes': dict(sorted(out.items()))}

data = sys.argv[1]
result = {
    'dynamodb': trim(load(os.path.join(data, 'dynamodb/2012-08-10/service-2.json'))),
    'streams': trim(load(os.path.join(data, 'dynamodbstreams/2012-08-10/service-2.json'))),
}
json.dump(result, sys.stdout, separators=(',', ':'), sort_keys=True)
sys.stdout.write('\n')
