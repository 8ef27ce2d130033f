#!/usr/bin/env python3
"""hmc-draw-1/splitmix64 written again in Python from its description in RandomDraw's Javadoc:
what anyone who wants to check a published draw would do. Input: the draw's snapshot (GET
/api/inspection/plans/{id}/draw/snapshot) on stdin, seeds as arguments. Output: per seed one line,
"seed|enterpriseId:[inspectorIds];...". RandomDrawTest runs it and compares with the Java draw."""
import json, sys
from decimal import Decimal
from fractions import Fraction
import math
M = (1 << 64) - 1

class SplitMix64:
    def __init__(self, seed): self.s = seed & M
    def next_long(self):
        self.s = (self.s + 0x9E3779B97F4A7C15) & M
        z = self.s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
        z = z ^ (z >> 31)
        return z - (1 << 64) if z >= (1 << 63) else z  # signed, as Java compares
    def next_double(self): return Fraction((self.next_long() & M) >> 11, 1 << 53)
    def next_int(self, bound):
        lmax = (1 << 63) - 1
        limit = (lmax // bound) * bound
        while True:
            u = (self.next_long() & M) >> 1
            if u < limit: return u % bound

STRATA = ["BASE", "KEY_DISCHARGER", "POOR_CREDIT"]

def rate(settings, st):
    return Fraction(settings[{"BASE": "baseRate", "KEY_DISCHARGER": "keyDischargerRate", "POOR_CREDIT": "poorCreditRate"}[st]])

def stratum_of(e, settings):
    best = "BASE"
    def higher(cur, cand): return cand if rate(settings, cand) >= rate(settings, cur) else cur
    if e["permitCategory"] == "KEY" or e["keyMonitored"] or e["keyRiskSource"]: best = higher(best, "KEY_DISCHARGER")
    if e["creditColour"] in ("YELLOW", "RED"): best = higher(best, "POOR_CREDIT")
    return best

def obligation(e): return (e["keyRiskSource"] or e["keyMonitored"]) and not e["inspectedThisYear"]

def draw(seed, snap):
    r = SplitMix64(seed); s = snap["settings"]; periodic = snap["plan"]["type"] == "PERIODIC"
    ents = sorted(snap["enterprises"], key=lambda e: e["id"])
    chosen = [e for e in ents if periodic and obligation(e)]
    for st in STRATA:
        mem = [e for e in ents if not (periodic and obligation(e)) and stratum_of(e, s) == st]
        target = rate(s, st) * len(mem); n = math.floor(target)
        if r.next_double() < target - n: n += 1
        for i in range(n):
            j = i + r.next_int(len(mem) - i); mem[i], mem[j] = mem[j], mem[i]
        chosen += mem[:n]
    chosen.sort(key=lambda e: e["id"])
    k = s["inspectorsPerInspection"]; insp = sorted(snap["inspectors"], key=lambda i: i["id"])
    def may(i, e): return (i["county"] is None or i["county"] == e["county"]) and e["id"] not in i["declaredConflicts"] and e["id"] not in i["recentlyInspected"]
    elig = {e["id"]: [i for i in insp if may(i, e)] for e in chosen}
    short = [e["id"] for e in chosen if len(elig[e["id"]]) < k]
    if short: raise ValueError(short)
    key = {e["id"]: r.next_long() for e in chosen}
    order = sorted(chosen, key=lambda e: (len(elig[e["id"]]), key[e["id"]], e["id"]))
    load = {}; out = {}
    for e in order:
        tie = {i["id"]: r.next_long() for i in elig[e["id"]]}
        picked = sorted([i["id"] for i in elig[e["id"]]], key=lambda x: (load.get(x, 0), tie[x], x))[:k]
        for x in picked: load[x] = load.get(x, 0) + 1
        out[e["id"]] = sorted(picked)
    return [(e["id"], out[e["id"]]) for e in chosen]

if __name__ == "__main__":
    snapshot = json.load(sys.stdin, parse_float=Decimal)  # rates exactly as written
    for seed in sys.argv[1:]:
        try:
            print(seed + "|" + ";".join("%d:%s" % (eid, ids) for eid, ids in draw(int(seed), snapshot)))
        except ValueError as short:
            print(seed + "|short:" + str(short.args[0]))
