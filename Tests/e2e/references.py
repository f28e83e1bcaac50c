#!/usr/bin/env python3
"""The references judge the counting, not a reference of our own: seeded random elections counted by
`buurtstem tally` and by the published libraries — pabutools (equal shares with the add-one
completion, greedy) and pref_voting (instant runoff, Schulze, Scottish STV). Each method is run with the
tie-break Buurtstem states, configured in the library (pabutools takes a tie-breaking rule), or
compared as a set where the library returns every tied winner (pref_voting): Buurtstem's winner
must be among them, and equal to it when it is alone. Scottish STV decides remaining ties by lot
(SSI 2007/42 rules 49 and 51); pref_voting draws the lot from a random source, so each election is
counted with several seeds (8, and up to 128 where the draws differ): where every draw gives one committee, Buurtstem's must be it; where the
draws differ, Buurtstem's (decided by its stated listing order) must be one of them. Every difference is written to OUT as a file
that reproduces it (the election, both outcomes) and the run fails.

Usage: references.py BUURTSTEM_BIN OUT [ELECTIONS_PER_METHOD] [SEED]
"""
import json, os, random, subprocess, sys
from fractions import Fraction

from pabutools.election import parse_pabulib, Cost_Sat
from pabutools.rules import method_of_equal_shares, greedy_utilitarian_welfare
from pabutools.tiebreaking import TieBreakingRule
from pref_voting.profiles import Profile
from pref_voting.iterative_methods import instant_runoff_put
from pref_voting.margin_based_methods import beat_path as schulze  # pref_voting names Schulze "beat path"
from pref_voting.proportional_methods import stv_scottish

BIN, OUT = sys.argv[1], sys.argv[2]
N = int(sys.argv[3]) if len(sys.argv) > 3 else 500
SEED = int(sys.argv[4]) if len(sys.argv) > 4 else 2026
os.makedirs(OUT, exist_ok=True)
differences = []


def tally(path, method, extra=()):
    run = subprocess.run([BIN, "tally", path, "--method", method, "--format", "json", *extra], capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"buurtstem tally {path} --method {method} failed: {run.stderr.strip()}")
    return json.loads(run.stdout)


def differ(kind, index, files, ours, theirs):
    name = f"{OUT}/{kind}-{index}"
    with open(name + ".json", "w") as f:
        json.dump({"method": kind, "buurtstem": ours, "reference": theirs, "files": files}, f, indent=1)
    differences.append(name)


def budgeting(rng, index):
    """A random participatory budget with approval ballots, written as Pabulib."""
    projects = rng.randint(3, 9)
    voters = rng.randint(5, 50)
    costs = [rng.randint(1, 60) * 1000 + rng.randint(0, 999) for _ in range(projects)]
    budget = rng.randint(max(costs) // 2, max(costs) + sum(costs) // 2)
    ballots = []
    for _ in range(voters):
        size = rng.randint(1, min(4, projects))
        ballots.append(rng.sample(range(projects), size))
    lines = ["META", "key;value", f"description;seeded {SEED} #{index}", f"num_projects;{projects}", f"num_votes;{voters}",
             f"budget;{budget}", "vote_type;approval", "rule;equalshares/add1", "PROJECTS", "project_id;cost"]
    lines += [f"p{p + 1};{c}" for p, c in enumerate(costs)]
    lines += ["VOTES", "voter_id;vote"]
    lines += [f"{v};{','.join(f'p{p + 1}' for p in b)}" for v, b in enumerate(ballots)]
    path = f"{OUT}/tmp-budget.pb"
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return path, "\n".join(lines)


def file_order(path):
    """The projects in the order the file lists them (Buurtstem's "listing order")."""
    order, inside = {}, False
    header = True
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line.upper() in ("PROJECTS", "VOTES", "META"):
            inside, header = line.upper() == "PROJECTS", True
            continue
        if inside:
            if header:
                header = False
                continue
            order[line.split(";")[0]] = len(order)
    return order


def buurtstem_tie_breaking(instance, profile, path):
    """Buurtstem's stated tie-break for equal shares: more supporters, then the cheaper, then listing order."""
    order = file_order(path)
    supporters = {p.name: sum(1 for b in profile if p in b) for p in instance}
    return TieBreakingRule(lambda inst, prof, project: (-supporters[project.name], project.cost, order[project.name]))


def listing_order(path):
    """Greedy's stated tie-break: listing order."""
    order = file_order(path)
    return TieBreakingRule(lambda inst, prof, project: order[project.name])


def ranked(rng, index):
    """Random complete rankings (with repeats, so ties of all kinds occur), written as PrefLib .soi."""
    candidates = rng.randint(3, 6)
    voters = rng.randint(3, 40)
    rankings = [rng.sample(range(candidates), candidates) for _ in range(voters)]
    lines = [f"# FILE NAME: seeded-{SEED}-{index}.soi", "# DATA TYPE: soi", f"# NUMBER ALTERNATIVES: {candidates}",
             f"# NUMBER VOTERS: {voters}"]
    lines += [f"# ALTERNATIVE NAME {c + 1}: c{c + 1}" for c in range(candidates)]
    counts = {}
    for r in rankings:
        counts[tuple(r)] = counts.get(tuple(r), 0) + 1
    lines += [f"{n}: {','.join(str(c + 1) for c in r)}" for r, n in counts.items()]
    path = f"{OUT}/tmp-ranked.soi"
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return path, "\n".join(lines), Profile(rankings)


FIXTURES = os.path.join(os.path.dirname(__file__), "..", "BuurtstemCoreTests", "Fixtures", "elections")


def compare_equal_shares(path, label, files):
    """Equal shares with add one, ours and pabutools' (given our tie-break), on one .pb file."""
    instance, profile = parse_pabulib(path)
    ours = sorted(tally(path, "equal-shares-add1")["elected"])
    theirs = sorted(p.name for p in method_of_equal_shares(
        instance, profile, sat_class=Cost_Sat, voter_budget_increment=1, tie_breaking=buurtstem_tie_breaking(instance, profile, path)))
    if ours != theirs:
        differ("equal-shares-add1", label, files, ours, theirs)
    return instance, profile


def main():
    rng = random.Random(SEED)
    counted = {"equal-shares-add1": 0, "greedy": 0, "irv": 0, "schulze": 0, "stv": 0}
    tie_decided = {"irv": 0, "schulze": 0, "stv": 0}
    # The real participatory budgets the tests ship (Amsterdam, Assen, Świecie) and the tie found in
    # issue 27, before the random ones.
    for name in sorted(os.listdir(FIXTURES)):
        if not name.endswith(".pb"):
            continue
        path = os.path.join(FIXTURES, name)
        compare_equal_shares(path, name, {"file": path})
        counted["equal-shares-add1"] += 1
    for index in range(N):
        path, text = budgeting(rng, index)
        instance, profile = compare_equal_shares(path, index, {"election.pb": text})
        counted["equal-shares-add1"] += 1
        ours = sorted(tally(path, "greedy")["elected"])
        theirs = sorted(p.name for p in greedy_utilitarian_welfare(instance, profile, sat_class=Cost_Sat, tie_breaking=listing_order(path)))
        counted["greedy"] += 1
        if ours != theirs:
            differ("greedy", index, {"election.pb": text}, ours, theirs)

        path, text, profile = ranked(rng, index)
        for method, reference in (("irv", instant_runoff_put), ("schulze", schulze)):
            extra = ("--strength", "margins") if method == "schulze" else ()
            ours = tally(path, method, extra)["elected"]
            winners = sorted(str(c + 1) for c in reference(profile))  # PrefLib ids, as `tally` reports them
            counted[method] += 1
            if len(winners) > 1:
                tie_decided[method] += 1
            if len(ours) != 1 or ours[0] not in winners or (len(winners) == 1 and ours != winners):
                differ(method, index, {"election.soi": text}, ours, winners)

        seats = rng.randint(2, 3)
        ours = sorted(tally(path, "stv", ("--seats", str(seats)))["elected"])
        def draws(seeds):
            return {tuple(sorted(str(c + 1) for c in stv_scottish(profile, num_seats=seats, rng=random.Random(d)))) for d in seeds}
        committees = draws(range(8))
        if len(committees) > 1 and tuple(ours) not in committees:
            committees |= draws(range(8, 128))  # a lot among several: draw until the rarer committees show
        counted["stv"] += 1
        if len(committees) > 1:
            tie_decided["stv"] += 1
        if tuple(ours) not in committees:
            differ("stv", index, {"election.soi": text, "seats": seats}, ours, sorted(committees))
    for name in (f"{OUT}/tmp-budget.pb", f"{OUT}/tmp-ranked.soi"):
        if os.path.exists(name):
            os.remove(name)
    summary = ", ".join(f"{m} {n}" for m, n in counted.items())
    print(f"references: seed {SEED}: {summary} elections compared with pabutools and pref_voting; "
          f"{tie_decided['irv']} irv and {tie_decided['schulze']} schulze elections had tied winners (Buurtstem's among them); "
          f"{tie_decided['stv']} stv elections were decided by lot in pref_voting (Buurtstem's committee among the draws)")
    if differences:
        print(f"references: {len(differences)} differences, each reproducible from its file:")
        for name in differences[:20]:
            print(f"  {name}.json")
    passed = sum(counted.values()) - len(differences)
    print(f"{passed} passed, {len(differences)} failed")
    sys.exit(1 if differences else 0)


main()
