#!/usr/bin/env python3
"""Writes a deterministic portfolio of realistic techstack.yaml manifests for the benchmark.

usage: generate.py OUTDIR [--count N] [--seed S] [--catalogue DIR]

Each manifest lands in OUTDIR/<agency>/<project>/techstack.yaml; OUTDIR/files.txt lists
them all, one path a line. The ids come from the catalogue folder (the default catalogue
unless --catalogue says otherwise), read with a few regular expressions so that only the
Python standard library is needed. The same seed always gives the same bytes.
"""

import argparse
import os
import random
import re
import sys

SECTION = re.compile(r"^([a-z-]+):\s*$")
ENTRY = re.compile(r"^  - id:\s*([a-z0-9][a-z0-9.-]*)\s*$")
FIELD = re.compile(r"^    ([a-z-]+):\s*(.*?)\s*$")


def flow_list(text):
    text = text.strip()
    if text.startswith("[") and text.endswith("]"):
        return [item.strip() for item in text[1:-1].split(",") if item.strip()]
    return [text] if text else []


def read_catalogue(directory):
    """Entries by kind: {kind: [{"id": ..., field: value, ...}]} from the catalogue's block style."""
    kinds = {}
    for root, _, names in os.walk(directory):
        for name in sorted(names):
            if not name.endswith((".yaml", ".yml")):
                continue
            section, entry = None, None
            with open(os.path.join(root, name), encoding="utf-8") as handle:
                for line in handle:
                    match = SECTION.match(line)
                    if match:
                        section, entry = match.group(1), None
                        continue
                    match = ENTRY.match(line)
                    if match and section:
                        entry = {"id": match.group(1)}
                        kinds.setdefault(section, []).append(entry)
                        continue
                    match = FIELD.match(line)
                    if match and entry is not None:
                        entry[match.group(1)] = match.group(2)
    return kinds


WORDS = ("permit licence renewal appeal booking grant registry portal tracker claims payments "
         "subsidy inspection survey notices scheduler records enquiry feedback eligibility "
         "onboarding statements vouchers clinic school housing transport workforce tax "
         "parking weather library court benefits caregiver").split()
REASONS = [
    "Partner system only speaks this protocol until its replacement goes live",
    "Vendor contract runs until the next procurement cycle",
    "Migration is planned for the next financial year",
    "Legacy integration kept while the data is reconciled",
    "Statutory board system outside the team's control",
]
TEAMS = ["platform-team", "integration-team", "data-office", "security-office", "product-team"]


def manifest(rng, index, catalogue, agencies, concerns, options, datasets, components):
    agency = rng.choice(agencies)
    words = rng.sample(WORDS, 2)
    project = f"{words[0]}-{words[1]}-{index:05d}"
    lines = [
        f"# {project}: generated for the techstack benchmark",
        "techstack: 1",
        f"project: {project}",
        f"agency: {agency}",
        f"summary: {words[0].capitalize()} {words[1]} service, one of many in the portfolio",
    ]
    if rng.random() < 0.1:
        lines.append("sector: private")
    lines.append("choices:")
    answered = rng.sample(concerns, rng.randint(min(12, len(concerns)), min(26, len(concerns))))
    deviations = []
    for concern in answered:
        recommended = flow_list(concern.get("recommended", ""))
        alternatives = flow_list(concern.get("alternatives", ""))
        roll = rng.random()
        if roll < 0.78 and recommended:
            if len(recommended) > 1 and rng.random() < 0.3:
                answer = recommended[: rng.randint(2, len(recommended))]
            else:
                answer = [recommended[0]]
        elif roll < 0.9 and alternatives:
            answer = [rng.choice(alternatives)]
            deviations.append(concern["id"])
        elif roll < 0.98:
            answer = [rng.choice(options)]
            if answer[0] not in recommended:
                deviations.append(concern["id"])
        else:
            answer = [f"in-house-{concern['id']}"]
            deviations.append(concern["id"])
        if len(answer) == 1 and rng.random() < 0.85:
            lines.append(f"  {concern['id']}: {answer[0]}")
        elif rng.random() < 0.5:
            lines.append(f"  {concern['id']}: [{', '.join(answer)}]")
        else:
            lines.append(f"  {concern['id']}:")
            lines.extend(f"    - {item}" for item in answer)
    consumed = rng.sample(datasets, rng.randint(1, min(5, len(datasets))))
    if rng.random() < 0.5:
        lines.append(f"consumes: [{', '.join(d['id'] for d in consumed)}]")
    else:
        lines.append("consumes:")
        lines.extend(f"  - {d['id']}" for d in consumed)
    produced = rng.randint(0, 3)
    if produced:
        lines.append("produces:")
        for n in range(produced):
            lines.append(f"  - id: {project}-record-{n}")
            lines.append(f"    name: {words[0].capitalize()} record {n}")
            roll = rng.random()
            if roll < 0.7:
                lines.append("    shared-via: apex")
            elif roll < 0.9:
                lines.append("    shared: false")
                lines.append("    reason: Personal data held under a statutory duty of confidence")
            # else: neither, which the sharing-by-default rule reports
    granted = [d for d in consumed if d.get("source") != agency and rng.random() < 0.7]
    if granted:
        lines.append("grants:")
        keys = set()
        for d in granted:
            key = d["id"] if rng.random() < 0.6 else d.get("source", d["id"])
            reference = f"GR-{rng.randint(2019, 2026)}-{rng.randint(1, 9999):04d}"
            if key not in keys:
                keys.add(key)
                lines.append(f"  {key}: {reference}")
    if rng.random() < 0.5:
        lines.append(f"expected-users: {rng.choice([500, 2000, 15000, 80000, 250000, 1200000])}")
    exempted = rng.sample(deviations, min(len(deviations), rng.randint(0, 2)))
    if exempted:
        lines.append("exemptions:")
        for concern in exempted:
            lines.append("  - rule: recommended-choice")
            lines.append(f"    concern: {concern}")
            lines.append(f"    reason: {rng.choice(REASONS)}")
            if rng.random() < 0.6:
                lines.append(f"    owner: {rng.choice(TEAMS)}")
            lines.append(f"    expires: {rng.randint(2025, 2028)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
    return agency, project, "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir")
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20261124)
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--catalogue", default=os.path.join(here, "..", "catalogue"))
    args = parser.parse_args()

    kinds = read_catalogue(args.catalogue)
    agencies = [a["id"] for a in kinds.get("agencies", [])]
    concerns = kinds.get("concerns", [])
    options = [e["id"] for e in kinds.get("standards", []) + kinds.get("components", [])]
    datasets = kinds.get("datasets", [])
    components = [c["id"] for c in kinds.get("components", [])]
    if not (agencies and concerns and options and datasets):
        sys.exit(f"generate.py: found no agencies, concerns, options or datasets in {args.catalogue}")

    rng = random.Random(args.seed)
    paths = []
    for index in range(args.count):
        agency, project, text = manifest(rng, index, kinds, agencies, concerns, options, datasets, components)
        folder = os.path.join(args.outdir, agency, project)
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, "techstack.yaml")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        paths.append(path)
    with open(os.path.join(args.outdir, "files.txt"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(paths) + "\n")


if __name__ == "__main__":
    main()
