#!/usr/bin/env python3
"""Writes the merge fixture corpus: one folder per case with base/ours/theirs/expected.json.

The expected results are written here BY HAND, as the specification of the merge (docs/MERGING.md);
they are not produced by the merge code. `MergeFixtureTests` runs every case both ways round
(ours/theirs swapped) and compares bytes. Run: python3 generate.py (from this folder)."""
import copy, json, os, shutil

HERE = os.path.dirname(os.path.abspath(__file__))

def canon(value):
    return json.dumps(value, sort_keys=True, indent=2, ensure_ascii=False)

def account(id="a1", name="Acme", stage="prospect", industry="", owner="", notes="", **extra):
    doc = {"formatVersion": 1, "id": id, "name": name, "industry": industry, "stage": stage, "owner": owner, "notes": notes}
    doc.update(extra)
    return doc

def person(id, name, level="middle", **extra):
    doc = {"id": id, "name": name, "title": "", "level": level, "notes": "", "hotButtons": "", "coldButtons": "",
           "nextStep": "", "influences": [], "coverage": [], "newInRole": False, "uncertain": False}
    doc.update(extra)
    return doc

def influence(id, objective, person, **extra):
    doc = {"id": id, "objective": objective, "person": person, "roles": [], "degree": "medium", "win": "", "result": "",
           "roleJudgement": {"basis": "inferred"}, "modeJudgement": {"basis": "inferred"}, "ratingJudgement": {"basis": "inferred"}}
    doc.update(extra)
    return doc

def objective(id, title, position=0, **extra):
    doc = {"id": id, "title": title, "position": position}
    doc.update(extra)
    return doc

def commitment(id, text, side="intention", status="open", **extra):
    doc = {"id": id, "side": side, "text": text, "owner": "", "status": status, "evidence": ""}
    doc.update(extra)
    return doc

def fnv(kind, path):
    h = 0xcbf29ce484222325
    for byte in "\0".join([kind] + path).encode():
        h ^= byte
        h = (h * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return "%016x" % h

def conflict(kind, path, first, second, shown):
    values = sorted([first, second], key=lambda v: canon(v).encode())
    return {"id": fnv(kind, path), "kind": kind, "path": path, "values": values, "shown": shown}

def bigger(first, second):
    """The shown value of a both-changed conflict: the one whose canonical bytes sort last."""
    return max([first, second], key=lambda v: canon(v).encode())

def with_(doc, **changes):
    new = copy.deepcopy(doc)
    for key, value in changes.items():
        if value is DROP:
            new.pop(key, None)
        else:
            new[key] = value
    return new

DROP = object()
CASES = {}

def case(name, base, ours, theirs, expected):
    CASES[name] = (base, ours, theirs, expected)

def refusal(name, base, ours, theirs, message):
    CASES[name] = (base, ours, theirs, ("refusal", message))

def conflicts(doc, *records):
    new = copy.deepcopy(doc)
    new["conflicts"] = sorted(list(new.get("conflicts", [])) + list(records), key=lambda r: r["id"])
    return new

A = account()
# ---- top-level fields
case("same-change-both-sides", A, with_(A, name="Acme Corp"), with_(A, name="Acme Corp"), with_(A, name="Acme Corp"))
case("one-side-changes-name", A, with_(A, name="Acme Corp"), A, with_(A, name="Acme Corp"))
case("disjoint-fields", A, with_(A, name="Acme Corp"), with_(A, stage="vendor"), with_(A, name="Acme Corp", stage="vendor"))
case("stage-changed-differently", A, with_(A, stage="vendor"), with_(A, stage="partner"),
     conflicts(with_(A, stage="vendor"), conflict("both-changed", ["stage"], "vendor", "partner", bigger("vendor", "partner"))))
case("name-changed-differently", A, with_(A, name="Acme Corp"), with_(A, name="ACME"),
     conflicts(with_(A, name="Acme Corp"), conflict("both-changed", ["name"], "Acme Corp", "ACME", "Acme Corp")))
case("value-added-both-differently", A, with_(A, annualValue=100), with_(A, annualValue=250),
     conflicts(with_(A, annualValue=250), conflict("added-twice", ["annualValue"], 100, 250, 250)))
AV = with_(A, annualValue=100)
case("value-removed-and-changed", AV, with_(AV, annualValue=DROP), with_(AV, annualValue=300),
     conflicts(with_(AV, annualValue=300), conflict("removed-and-changed", ["annualValue"], None, 300, 300)))
case("value-removed-one-side", AV, with_(AV, annualValue=DROP), AV, A)
case("value-removed-both", AV, A, A, A)
case("next-meeting-both-set", A, with_(A, nextMeeting="2026-12-01"), with_(A, nextMeeting="2026-12-03"),
     conflicts(with_(A, nextMeeting="2026-12-03"), conflict("added-twice", ["nextMeeting"], "2026-12-01", "2026-12-03", "2026-12-03")))
case("value-and-meeting-disjoint", AV, with_(AV, annualValue=120), with_(AV, nextMeeting="2027-01-15"), with_(AV, annualValue=120, nextMeeting="2027-01-15"))
# ---- notes, line by line
N = with_(A, notes="Met the COO.\nWants a pilot in Q1.")
case("notes-appended-both", N, with_(N, notes=N["notes"] + "\nBudget approved."), with_(N, notes=N["notes"] + "\nCFO is sceptical."),
     with_(N, notes=N["notes"] + "\nBudget approved.\nCFO is sceptical."))
case("notes-append-and-edit-first-line", N, with_(N, notes="Met the COO and CTO.\nWants a pilot in Q1."), with_(N, notes=N["notes"] + "\nSent the proposal."),
     with_(N, notes="Met the COO and CTO.\nWants a pilot in Q1.\nSent the proposal."))
case("notes-same-line-changed-differently", N, with_(N, notes="Met the CEO.\nWants a pilot in Q1."), with_(N, notes="Met the CFO.\nWants a pilot in Q1."),
     conflicts(with_(N, notes="Met the CFO.\nWants a pilot in Q1."),
               conflict("both-changed", ["notes"], "Met the CEO.\nWants a pilot in Q1.", "Met the CFO.\nWants a pilot in Q1.", "Met the CFO.\nWants a pilot in Q1.")))
case("notes-from-empty-both", A, with_(A, notes="Zurich office moved."), with_(A, notes="Asked for references."),
     with_(A, notes="Asked for references.\nZurich office moved."))
case("notes-delete-line-and-append", N, with_(N, notes="Wants a pilot in Q1."), with_(N, notes=N["notes"] + "\nPilot scoped."),
     with_(N, notes="Wants a pilot in Q1.\nPilot scoped."))
case("notes-same-line-deleted-both", N, with_(N, notes="Met the COO."), with_(N, notes="Met the COO."), with_(N, notes="Met the COO."))
case("notes-insert-middle-and-end", with_(A, notes="one\ntwo\nthree"), with_(A, notes="one\none and a half\ntwo\nthree"), with_(A, notes="one\ntwo\nthree\nfour"),
     with_(A, notes="one\none and a half\ntwo\nthree\nfour"))
case("notes-unicode-appended", with_(A, notes="東京で会議。"), with_(A, notes="東京で会議。\n예산 승인됨."), with_(A, notes="東京で会議。\nÉquipe d’achat: Zoë."),
     with_(A, notes="東京で会議。\nÉquipe d’achat: Zoë.\n예산 승인됨."))
case("unknown-multiline-text-merged", with_(A, summary="line one\nline two"), with_(A, summary="line zero\nline one\nline two"), with_(A, summary="line one\nline two\nline three"),
     with_(A, summary="line zero\nline one\nline two\nline three"))
# ---- unknown fields
case("unknown-field-added-one-side", A, with_(A, healthScore=7), with_(A, name="Acme AG"), with_(A, healthScore=7, name="Acme AG"))
case("unknown-field-changed-both", with_(A, healthScore=7), with_(A, healthScore=8), with_(A, healthScore=5),
     conflicts(with_(A, healthScore=8), conflict("both-changed", ["healthScore"], 8, 5, 8)))
case("unknown-nested-object-per-key", with_(A, extra={"a": 1, "b": 2}), with_(A, extra={"a": 10, "b": 2}), with_(A, extra={"a": 1, "b": 2, "c": 3}),
     with_(A, extra={"a": 10, "b": 2, "c": 3}))
case("unknown-number-literal-kept", with_(A, ratio=1.5), with_(A, ratio=1.5, name="Acme Ltd"), with_(A, ratio=1.5, stage="vendor"),
     with_(A, ratio=1.5, name="Acme Ltd", stage="vendor"))
case("unknown-sorted-set-merged", with_(A, tags=["b", "c"]), with_(A, tags=["a", "b", "c"]), with_(A, tags=["b"]), with_(A, tags=["a", "b"]))
case("unknown-list-with-repeats-conflict", with_(A, steps=["a", "a"]), with_(A, steps=["a", "a", "m"]), with_(A, steps=["y", "a", "a"]),
     conflicts(with_(A, steps=["y", "a", "a"]), conflict("both-changed", ["steps"], ["a", "a", "m"], ["y", "a", "a"], bigger(["a", "a", "m"], ["y", "a", "a"]))))
# ---- archive
ARCH = {"by": "Dana Wu", "on": "2026-11-20"}
case("archived-one-side-edited-other", A, with_(A, archived=ARCH), with_(A, owner="Lee"), with_(A, archived=ARCH, owner="Lee"))
case("archived-both-different-days", A, with_(A, archived=ARCH), with_(A, archived={"by": "Dana Wu", "on": "2026-11-21"}),
     conflicts(with_(A, archived={"by": "Dana Wu", "on": "2026-11-21"}), conflict("added-twice", ["archived", "on"], "2026-11-20", "2026-11-21", "2026-11-21")))
case("unarchived-one-side", with_(A, archived=ARCH), A, with_(A, archived=ARCH), A)
# ---- commitments
C1 = commitment("c1", "Send the pilot plan")
C2 = commitment("c2", "Intro to their CTO", side="expectation")
C3 = commitment("c3", "Reference call")
AC = with_(A, commitments=[C1])
case("commitments-added-both-sides", AC, with_(AC, commitments=[C1, C2]), with_(AC, commitments=[C1, C3]), with_(AC, commitments=[C1, C2, C3]))
case("commitment-added-twice-same", AC, with_(AC, commitments=[C1, C2]), with_(AC, commitments=[C1, C2]), with_(AC, commitments=[C1, C2]))
C2b = with_(C2, text="Intro to their CIO")
case("commitment-added-twice-different", AC, with_(AC, commitments=[C1, C2]), with_(AC, commitments=[C1, C2b]),
     conflicts(with_(AC, commitments=[C1, C2]), conflict("added-twice", ["commitments", "c2", "text"], "Intro to their CTO", "Intro to their CIO", "Intro to their CTO")))
case("commitment-status-and-text", AC, with_(AC, commitments=[with_(C1, status="kept")]), with_(AC, commitments=[with_(C1, text="Send the pilot plan v2")]),
     with_(AC, commitments=[with_(C1, status="kept", text="Send the pilot plan v2")]))
case("commitment-status-differently", AC, with_(AC, commitments=[with_(C1, status="kept")]), with_(AC, commitments=[with_(C1, status="broken")]),
     conflicts(with_(AC, commitments=[with_(C1, status="kept")]), conflict("both-changed", ["commitments", "c1", "status"], "kept", "broken", "kept")))
AC2 = with_(A, commitments=[C1, C2])
case("commitment-removed-and-edited", AC2, with_(AC2, commitments=[C2]), with_(AC2, commitments=[with_(C1, status="late"), C2]),
     conflicts(with_(AC2, commitments=[with_(C1, status="late"), C2]),
               conflict("removed-and-changed", ["commitments", "c1"], None, with_(C1, status="late"), with_(C1, status="late"))))
case("commitment-removed-one-side", AC2, with_(AC2, commitments=[C2]), AC2, with_(AC2, commitments=[C2]))
case("commitment-removed-both", AC2, with_(AC2, commitments=[C2]), with_(AC2, commitments=[C2]), with_(AC2, commitments=[C2]))
case("commitments-all-removed-other-adds", AC, A, with_(AC, commitments=[C1, C3]), with_(A, commitments=[C3]))
case("commitments-from-none-both-add", A, with_(A, commitments=[C2]), with_(A, commitments=[C3]), with_(A, commitments=[C2, C3]))
case("commitment-dates-disjoint", AC, with_(AC, commitments=[with_(C1, due="2026-12-10")]), with_(AC, commitments=[with_(C1, madeOn="2026-11-02")]),
     with_(AC, commitments=[with_(C1, due="2026-12-10", madeOn="2026-11-02")]))
case("commitment-evidence-multiline", with_(A, commitments=[with_(C1, evidence="Mail of 3 Nov")]),
     with_(A, commitments=[with_(C1, evidence="Mail of 3 Nov\nCall on 5 Nov")]), with_(A, commitments=[with_(C1, evidence="Mail of 3 Nov\nSigned plan")]),
     with_(A, commitments=[with_(C1, evidence="Mail of 3 Nov\nCall on 5 Nov\nSigned plan")]))
# ---- people
P1 = person("p1", "Dana Wu", level="executive")
P2 = person("p2", "Lee Park", reportsTo="p1")
P3 = person("p3", "Zoë Martín")
O1 = objective("o1", "Pilot in Q1", position=2)
I1 = influence("i1", "o1", "p1", rating=3, roles=["economic"])
I2 = influence("i2", "o1", "p2", degree="high")
M = with_(A, people=[P1, P2], objectives=[O1], influences=[I1, I2])
case("people-added-both-sides", M, with_(M, people=[P1, P2, P3]), with_(M, people=[P1, P2, person("p4", "山田 太郎")]),
     with_(M, people=[P1, P2, P3, person("p4", "山田 太郎")]))
case("person-notes-appended-both", M, with_(M, people=[with_(P1, notes="Likes data."), P2]), with_(M, people=[with_(P1, notes="Golf on Fridays."), P2]),
     with_(M, people=[with_(P1, notes="Golf on Fridays.\nLikes data."), P2]))
case("person-hot-buttons-differently", M, with_(M, people=[with_(P1, hotButtons="cost"), P2]), with_(M, people=[with_(P1, hotButtons="speed"), P2]),
     conflicts(with_(M, people=[with_(P1, hotButtons="speed"), P2]), conflict("both-changed", ["people", "p1", "hotButtons"], "cost", "speed", "speed")))
case("person-title-and-level", M, with_(M, people=[with_(P1, title="CFO"), P2]), with_(M, people=[with_(P1, level="senior"), P2]),
     with_(M, people=[with_(P1, title="CFO", level="senior"), P2]))
case("person-influences-set-both-add", with_(M, people=[P1, P2, P3]), with_(M, people=[with_(P1, influences=["p2"]), P2, P3]),
     with_(M, people=[with_(P1, influences=["p3"]), P2, P3]), with_(M, people=[with_(P1, influences=["p2", "p3"]), P2, P3]))
case("person-influences-remove-and-add", with_(M, people=[with_(P1, influences=["p2"]), P2, P3]), with_(M, people=[P1, P2, P3]),
     with_(M, people=[with_(P1, influences=["p2", "p3"]), P2, P3]), with_(M, people=[with_(P1, influences=["p3"]), P2, P3]))
case("coverage-added-both", M, with_(M, people=[with_(P1, coverage=[{"by": "Dana", "level": "brief"}]), P2]),
     with_(M, people=[with_(P1, coverage=[{"by": "Lee", "level": "in-depth"}]), P2]),
     with_(M, people=[with_(P1, coverage=[{"by": "Dana", "level": "brief"}, {"by": "Lee", "level": "in-depth"}]), P2]))
PC = with_(M, people=[with_(P1, coverage=[{"by": "Dana", "level": "brief"}]), P2])
case("coverage-level-differently", PC, with_(PC, people=[with_(P1, coverage=[{"by": "Dana", "level": "multiple"}]), P2]),
     with_(PC, people=[with_(P1, coverage=[{"by": "Dana", "level": "none"}]), P2]),
     conflicts(with_(PC, people=[with_(P1, coverage=[{"by": "Dana", "level": "none"}]), P2]),
               conflict("both-changed", ["people", "p1", "coverage", "Dana", "level"], "multiple", "none", "none")))
case("reports-to-set-differently", with_(M, people=[P1, P2, P3]), with_(M, people=[P1, P2, with_(P3, reportsTo="p1")]),
     with_(M, people=[P1, P2, with_(P3, reportsTo="p2")]),
     conflicts(with_(M, people=[P1, P2, with_(P3, reportsTo="p2")]), conflict("added-twice", ["people", "p3", "reportsTo"], "p1", "p2", "p2")))
L = with_(M, people=[P1, with_(P2, reportsTo=DROP), P3])
case("reports-to-loop", L, with_(L, people=[with_(P1, reportsTo="p2"), with_(P2, reportsTo=DROP), P3]),
     with_(L, people=[P1, with_(P2, reportsTo="p1"), P3]),
     conflicts(with_(L, people=[with_(P1, reportsTo="p2"), with_(P2, reportsTo="p1"), P3]),
               conflict("reports-to-loop", ["people", "p1", "reportsTo"], None, "p2", "p2")))
case("reports-to-loop-of-three", with_(M, people=[P1, with_(P2, reportsTo="p1"), with_(P3, reportsTo="p2")]),
     with_(M, people=[with_(P1, reportsTo="p3"), with_(P2, reportsTo="p1"), with_(P3, reportsTo="p2")]),
     with_(M, people=[P1, with_(P2, reportsTo="p1"), with_(P3, reportsTo="p2"), person("p5", "Ada")]),
     with_(M, people=[with_(P1, reportsTo="p3"), with_(P2, reportsTo="p1"), with_(P3, reportsTo="p2"), person("p5", "Ada")]))
MP3 = with_(M, people=[P1, P2, P3])
case("person-removed-other-adds-influence", MP3, with_(MP3, people=[P1, P2]),
     with_(MP3, influences=[I1, I2, influence("i3", "o1", "p3", degree="low")]),
     conflicts(with_(MP3, influences=[I1, I2, influence("i3", "o1", "p3", degree="low")]),
               conflict("missing-reference", ["people", "p3"], None, P3, P3)))
case("person-removed-other-points-reports-to", MP3, with_(MP3, people=[P1, P2]), with_(MP3, people=[P1, P2, P3, person("p6", "Kai", reportsTo="p3")]),
     conflicts(with_(MP3, people=[P1, P2, P3, person("p6", "Kai", reportsTo="p3")]), conflict("missing-reference", ["people", "p3"], None, P3, P3)))
case("person-removed-with-influences", M, with_(M, people=[P1], influences=[I1]), with_(M, name="Acme Group"),
     with_(M, name="Acme Group", people=[P1], influences=[I1]))
case("person-removed-other-person-edited", MP3, with_(MP3, people=[P1, P2]), with_(MP3, people=[with_(P1, title="CEO"), P2, P3]),
     with_(MP3, people=[with_(P1, title="CEO"), P2]))
case("person-removed-and-edited", MP3, with_(MP3, people=[P1, P2]), with_(MP3, people=[P1, P2, with_(P3, title="Buyer")]),
     conflicts(MP3 | {"people": [P1, P2, with_(P3, title="Buyer")]}, conflict("removed-and-changed", ["people", "p3"], None, with_(P3, title="Buyer"), with_(P3, title="Buyer"))))
# ---- influences and objectives
case("rating-changed-differently", M, with_(M, influences=[with_(I1, rating=3 if False else 4), I2]), with_(M, influences=[with_(I1, rating=-2), I2]),
     conflicts(with_(M, influences=[with_(I1, rating=4), I2]), conflict("both-changed", ["influences", "i1", "rating"], 4, -2, 4)))
# Roles are written in the model's order (economic, technical, user, coach), not alphabetically.
case("roles-set-merged", M, with_(M, influences=[with_(I1, roles=["economic", "coach"]), I2]), with_(M, influences=[with_(I1, roles=["economic", "user"]), I2]),
     with_(M, influences=[with_(I1, roles=["economic", "user", "coach"]), I2]))
case("rating-and-mode-disjoint", M, with_(M, influences=[I1, with_(I2, rating=2)]), with_(M, influences=[I1, with_(I2, mode="growth")]),
     with_(M, influences=[I1, with_(I2, rating=2, mode="growth")]))
case("judgement-nested-merge", M, with_(M, influences=[with_(I1, ratingJudgement={"basis": "stated"}), I2]),
     with_(M, influences=[with_(I1, ratingJudgement={"basis": "inferred", "checkedOn": "2026-11-20"}), I2]),
     with_(M, influences=[with_(I1, ratingJudgement={"basis": "stated", "checkedOn": "2026-11-20"}), I2]))
case("objective-position-differently", M, with_(M, objectives=[with_(O1, position=4)]), with_(M, objectives=[with_(O1, position=-1)]),
     conflicts(with_(M, objectives=[with_(O1, position=4)]), conflict("both-changed", ["objectives", "o1", "position"], 4, -1, 4)))
case("objectives-added-both", M, with_(M, objectives=[O1, objective("o2", "Roll-out")]), with_(M, objectives=[O1, objective("o3", "Renewal", amount=90000)]),
     with_(M, objectives=[O1, objective("o2", "Roll-out"), objective("o3", "Renewal", amount=90000)]))
# ---- the conflicts list itself
REC = conflict("both-changed", ["stage"], "vendor", "partner", "vendor")
S = conflicts(with_(A, stage="vendor"), REC)
case("conflict-resolved-one-side", S, with_(A, stage="partner"), with_(S, name="Acme Nord"), with_(A, stage="partner", name="Acme Nord"))
case("conflict-recorded-twice-identically", with_(A, stage="prospect"), S, S, S)
case("conflict-replaced-by-newer-one", S, with_(S, stage="lost"), with_(S, stage="reliable-supplier"),
     conflicts(with_(A, stage="reliable-supplier"), conflict("both-changed", ["stage"], "lost", "reliable-supplier", "reliable-supplier")))
# ---- both added the file
case("empty-base-same-file", None, M, M, M)
case("empty-base-different", None, with_(A, industry="Food"), with_(A, industry="Retail", owner="Lee"),
     conflicts(with_(A, industry="Retail", owner="Lee"), conflict("added-twice", ["industry"], "Food", "Retail", "Retail"),
               conflict("added-twice", ["owner"], "", "Lee", "Lee")))
# ---- fields other issues add (unknown to this build): they merge by shape
def entry(id, date, text, kind="meeting", author="Dana"):
    return {"id": id, "date": date, "kind": kind, "author": author, "text": text}
J1 = entry("j1", "2026-11-01", "Kick-off")
J = with_(A, journal=[J1])
# Journal entries are kept sorted by date, then id (issue 8's format): the merged list follows it.
case("journal-appended-both", J, with_(J, journal=[J1, entry("j7", "2026-11-03", "Budget is Q2", kind="insight")]),
     with_(J, journal=[J1, entry("j2", "2026-11-04", "Send deck", kind="promise", author="Lee")]),
     with_(J, journal=[J1, entry("j7", "2026-11-03", "Budget is Q2", kind="insight"), entry("j2", "2026-11-04", "Send deck", kind="promise", author="Lee")]))
JD = with_(A, journal=[entry("m", "2026-01-01", "first")])
case("journal-sorted-by-date", JD, with_(JD, journal=[entry("m", "2026-01-01", "first"), entry("aa", "2026-01-03", "third")]),
     with_(JD, journal=[entry("m", "2026-01-01", "first"), entry("b", "2026-01-02", "second")]),
     with_(JD, journal=[entry("m", "2026-01-01", "first"), entry("b", "2026-01-02", "second"), entry("aa", "2026-01-03", "third")]))
case("journal-text-edited-both", J, with_(J, journal=[with_(J1, text="Kick-off with the COO")]), with_(J, journal=[with_(J1, text="Kick-off (online)")]),
     conflicts(with_(J, journal=[with_(J1, text="Kick-off with the COO")]),
               conflict("both-changed", ["journal", "j1", "text"], "Kick-off with the COO", "Kick-off (online)", "Kick-off with the COO")))
PL = with_(A, productLines=[{"id": "l1", "name": "Sensors", "annualValue": 40000, "supplier": "us"}])
case("product-line-value-differently", PL, with_(PL, productLines=[{"id": "l1", "name": "Sensors", "annualValue": 45000, "supplier": "us"}]),
     with_(PL, productLines=[{"id": "l1", "name": "Sensors", "annualValue": 38000, "supplier": "us"}]),
     conflicts(with_(PL, productLines=[{"id": "l1", "name": "Sensors", "annualValue": 45000, "supplier": "us"}]),
               conflict("both-changed", ["productLines", "l1", "annualValue"], 45000, 38000, 45000)))
def partnership(milestones, **extra):
    doc = {"customerMeaning": "not-asked", "meaningWords": "", "sponsors": {"ours": [], "theirs": []}, "milestones": milestones}
    doc.update(extra)
    return doc
def milestone(id, what, status="planned", owner=""):
    return {"id": id, "what": what, "owner": owner, "status": status}
MS = with_(A, partnership=partnership([milestone("m1", "Pilot"), milestone("m2", "Review")]))
case("milestone-removed-and-edited", MS, with_(MS, partnership=partnership([milestone("m2", "Review")])),
     with_(MS, partnership=partnership([milestone("m1", "Pilot", status="done"), milestone("m2", "Review")])),
     conflicts(with_(MS, partnership=partnership([milestone("m1", "Pilot", status="done"), milestone("m2", "Review")])),
               conflict("removed-and-changed", ["partnership", "milestones", "m1"], None, milestone("m1", "Pilot", status="done"),
                        milestone("m1", "Pilot", status="done"))))
case("sponsors-set-merged", MS, with_(MS, partnership=partnership(MS["partnership"]["milestones"], sponsors={"ours": ["Dana Wu"], "theirs": []})),
     with_(MS, partnership=partnership(MS["partnership"]["milestones"], sponsors={"ours": ["Lee Park"], "theirs": ["Ana Silva"]})),
     with_(MS, partnership=partnership(MS["partnership"]["milestones"], sponsors={"ours": ["Dana Wu", "Lee Park"], "theirs": ["Ana Silva"]})))
case("partnership-element-scores-per-side", MS,
     with_(MS, partnership=partnership(MS["partnership"]["milestones"], elements={"risk": {"ours": {"note": "", "score": 1}}})),
     with_(MS, partnership=partnership(MS["partnership"]["milestones"], elements={"risk": {"theirs": {"note": "They carry stock", "score": -1}}})),
     with_(MS, partnership=partnership(MS["partnership"]["milestones"], elements={"risk": {"ours": {"note": "", "score": 1},
                                                                                           "theirs": {"note": "They carry stock", "score": -1}}})))
def decision(id, on, text, by="Dana"):
    return {"id": id, "on": on, "by": by, "text": text}
# Review decisions (issue 9) are appended objects, sorted by date, then id.
case("review-decisions-added-both", A, with_(A, decisions=[decision("r9", "2026-11-20", "Keep the price")]),
     with_(A, decisions=[decision("r2", "2026-11-21", "Escalate the delay", by="Lee")]),
     with_(A, decisions=[decision("r9", "2026-11-20", "Keep the price"), decision("r2", "2026-11-21", "Escalate the delay", by="Lee")]))
case("handover-note-lines", with_(A, ownerHistory=[{"id": "h1", "owner": "Dana", "handoverNote": "Key: CFO\nAsk about budget"}]),
     with_(A, ownerHistory=[{"id": "h1", "owner": "Dana", "handoverNote": "Key: CFO\nAsk about budget\nWatch invoices"}]),
     with_(A, ownerHistory=[{"id": "h1", "owner": "Dana", "handoverNote": "Met: CFO\nAsk about budget"}]),
     with_(A, ownerHistory=[{"id": "h1", "owner": "Dana", "handoverNote": "Met: CFO\nAsk about budget\nWatch invoices"}]))
case("notes-adjacent-edits-conflict", with_(A, notes="Key: CFO"), with_(A, notes="Key: CFO\nWatch invoices"), with_(A, notes="Met: CFO"),
     conflicts(with_(A, notes="Met: CFO"), conflict("both-changed", ["notes"], "Key: CFO\nWatch invoices", "Met: CFO", "Met: CFO")))
# ---- older files and Unicode
V0 = with_(A, formatVersion=DROP)
case("base-in-format-0", V0, with_(A, name="Acme Nordic"), with_(A, owner="Dana Wu"), with_(A, name="Acme Nordic", owner="Dana Wu"))
U = with_(A, name="Société Générale", people=[person("p1", "王小明"), person("p2", "김민준")])
case("unicode-people-edited", U, with_(U, people=[person("p1", "王小明", title="采购总监"), person("p2", "김민준")]),
     with_(U, people=[person("p1", "王小明"), person("p2", "김민준", title="이사")]),
     with_(U, people=[person("p1", "王小明", title="采购总监"), person("p2", "김민준", title="이사")]))
case("quotes-and-backslashes", with_(A, notes='He said "maybe"'), with_(A, notes='He said "maybe"\nPath C:\\deals'), with_(A, notes='He said "maybe"', name='Acme "Blue"'),
     with_(A, name='Acme "Blue"', notes='He said "maybe"\nPath C:\\deals'))
# ---- workbook.json
W = {"formatVersion": 1, "owner": "Dana Wu", "settings": {"currency": "EUR"}}
case("workbook-currency-differently", W, with_(W, settings={"currency": "USD"}), with_(W, settings={"currency": "GBP"}),
     conflicts(with_(W, settings={"currency": "USD"}), conflict("both-changed", ["settings", "currency"], "USD", "GBP", "USD")))
case("workbook-thresholds-disjoint", W, with_(W, settings={"currency": "EUR", "thresholds": {"checklist": {"unreviewedDays": 14, "minimumPerSide": 2}}}),
     with_(W, owner="Lee Park"),
     with_(W, owner="Lee Park", settings={"currency": "EUR", "thresholds": {"checklist": {"unreviewedDays": 14, "minimumPerSide": 2}}}))
case("workbook-unknown-setting-kept", W, with_(W, settings={"currency": "EUR", "statement": "We share risk."}), with_(W, settings={"currency": "CHF"}),
     with_(W, settings={"currency": "CHF", "statement": "We share risk."}))
case("workbook-empty-base", None, W, with_(W, owner="Lee Park"),
     conflicts(with_(W, owner="Lee Park"), conflict("added-twice", ["owner"], "Dana Wu", "Lee Park", "Lee Park")))
# ---- no valid merge: exit 1, file untouched
MARKED = "<<<<<<< ours\n" + canon(A) + "\n=======\n" + canon(with_(A, name="B")) + "\n>>>>>>> theirs\n"
refusal("refuse-conflict-markers", A, MARKED, A, "conflict marker on line 1")
refusal("refuse-newer-format", A, with_(A, formatVersion=2, name="From the future"), with_(A, stage="vendor"), "newer version (format 2)")
refusal("refuse-invalid-json", A, '{"id": "a1", "name": ', with_(A, stage="vendor"), "not valid JSON")
refusal("refuse-invalid-field", A, with_(A, stage="bogus"), with_(A, name="Acme Two"), "not a valid file")
refusal("refuse-id-mismatch", A, with_(A, id="zz"), A, "not a valid file")
refusal("refuse-unparseable-base", '{"broken', A, with_(A, name="x"), "common ancestor is not valid JSON")

def write(path, value):
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(value if isinstance(value, str) else canon(value) + "\n")

if __name__ == "__main__":
    for entry in os.listdir(HERE):
        if os.path.isdir(os.path.join(HERE, entry)):
            shutil.rmtree(os.path.join(HERE, entry))
    for name, (base, ours, theirs, expected) in sorted(CASES.items()):
        folder = os.path.join(HERE, name)
        os.makedirs(folder)
        write(os.path.join(folder, "base.json"), "" if base is None else base)
        write(os.path.join(folder, "ours.json"), ours)
        write(os.path.join(folder, "theirs.json"), theirs)
        if isinstance(expected, tuple):
            write(os.path.join(folder, "expected-refusal.txt"), expected[1] + "\n")
        else:
            write(os.path.join(folder, "expected.json"), expected)
    print(len(CASES), "cases")
