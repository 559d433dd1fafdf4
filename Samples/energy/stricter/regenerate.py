#!/usr/bin/env python3
"""Rebuilds zzbf-2018-84.json here from Rules/energy/zzbf-2018-84.json with the hypothetical 0.52 line.

Run from the repository root after the real rule file changes, so `gazette diff` shows only the moved line:
    python3 Samples/energy/stricter/regenerate.py
"""
import json
src='Rules/energy/zzbf-2018-84.json'
d=json.load(open(src))
note={"zh":"【假设】本文件是 Rules/energy/zzbf-2018-84.json 的副本，仅把“十三五”单位工业增加值能耗控制线 0.6 吨标准煤/万元改为更严格的 0.52，用于演示 `gazette diff`。0.52 不出自任何公报文件；引文仍为浙政办发〔2018〕84号原文（其中写的是 0.6），其余说明亦按原文 0.6 书写。",
      "en":"HYPOTHETICAL: a copy of Rules/energy/zzbf-2018-84.json with the 13th-FYP intensity line moved from 0.6 to a stricter 0.52 tce/10k yuan, to demonstrate `gazette diff`. No gazette sets 0.52; the citations still quote 浙政办发〔2018〕84号, which says 0.6, and the other notes still speak of 0.6."}
for dec in d['decisions']:
    changed=False
    for v in dec['versions']:
        for s in v['steps']:
            if 'table' in s and s['table']['name']=='intensityBand':
                for r in s['table']['rows']:
                    for i,c in enumerate(r['when']):
                        if isinstance(c,dict) and c['test'] in ('> 0.6','< 0.6'):
                            c['test']=c['test'].replace('0.6','0.52'); changed=True
                        elif c=='0.6':
                            r['when'][i]='0.52'; changed=True
            if 'set' in s and '< 0.6' in s.get('expr',''):
                s['expr']=s['expr'].replace('< 0.6','< 0.52'); changed=True
    if not changed: continue
    dec['notes'].append(note)
    for o in dec['outputs']:
        for val in o.get('values',[]):
            for k in ('zh','en'):
                if k in val and '0.6' in val[k]: val[k]=val[k].replace('0.6','0.52')
    for f in dec.get('findings',[]):
        if f['code']=='INTENSITY_AT_0_6_OPEN':
            f['message']={"zh":"单位工业增加值能耗为 {intensityUsed} 吨标准煤/万元，恰为（假设的）控制线0.52：“高于”与“低于”均不含本数，须由节能主管部门个案认定。",
                          "en":"Intensity {intensityUsed} tce/10k yuan is exactly the (hypothetical) 0.52 line: neither 高于 nor 低于 includes it; the energy-saving authority must decide the case."}
        if f['code']=='FREE_GRANT_NOT_BELOW_0_6':
            f['message']={k: v.replace('0.6','0.52') for k,v in f['message'].items()}
    subs={'0.59':0.51,'0.6':0.52}
    for e in dec['examples']:
        inp=e['input']; touched=False
        if dec['id']=='energy.use-rights':
            if inp.get('intensity') in (0.59,0.6): inp['intensity']=subs[str(inp['intensity'])]; touched=True
            if inp.get('valueAdded10kYuan')==1000 and inp.get('energyUseTce') in (590,600) and 'intensity' not in inp:
                new=510 if inp['energyUseTce']==590 else 520
                inp['energyUseTce']=new; inp['newEnergyUseTce']=new
                e['expect'].setdefault('outputs',{})
                if 'intensityUsed' in e['expect']['outputs']: e['expect']['outputs']['intensityUsed']=new/1000
                touched=True
        else:
            for g in inp.get('freeGrants',[]):
                if g.get('intensity')==0.59: g['intensity']=0.51; touched=True
        if touched:
            e['name']=e['name'].replace('0.59','0.51').replace('0.6','0.52').replace('600 / 1000','520 / 1000').replace('590 / 1000','510 / 1000')+' (hypothetical 0.52 line)'
json.dump(d, open('Samples/energy/stricter/zzbf-2018-84.json','w'), ensure_ascii=False, indent=2)
open('Samples/energy/stricter/zzbf-2018-84.json','a').write('\n')
