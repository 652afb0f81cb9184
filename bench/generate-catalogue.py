#!/usr/bin/env python3
"""Writes a deterministic large catalogue for the benchmark of `catalogue site` and the exports.

usage: generate-catalogue.py OUTDIR [--entries N] [--seed S]

The catalogue has the shape of the default one scaled up: five layers, three source kinds,
agencies, funding models, concerns that recommend standards and components, components that
require standards, and datasets reached through components. It passes `catalogue check`.
"""

import argparse
import os
import random


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("outdir")
    parser.add_argument("--entries", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    n = max(args.entries, 100)
    agencies, models = max(n // 100, 3), 4
    concerns = n // 10
    standards = n * 4 // 10
    components = n * 25 // 100
    datasets = n - 5 - 3 - agencies - models - concerns - standards - components
    os.makedirs(args.outdir, exist_ok=True)

    def write(name, text):
        with open(os.path.join(args.outdir, name), "w", encoding="utf-8") as handle:
            handle.write(text)

    out = ['catalogue:\n  name: Generated catalogue\n  publisher: techstack benchmark\n  version: "1"\n', "layers:\n"]
    for i, layer in enumerate(["microservices", "application", "infrastructure", "data", "governance"]):
        out.append(f"  - id: {layer}\n    name: {layer.title()}\n    order: {i + 1}\n    summary: The {layer} layer.\n")
        if layer == "governance":
            out.append("    cross-cutting: true\n")
    out.append("source-kinds:\n")
    for kind in ["agency", "individual", "business"]:
        out.append(f"  - id: {kind}\n    name: {kind.title()}\n    summary: Data kept true by {kind} actors.\n")
    out.append("funding-models:\n")
    out.append("  - id: central\n    name: Central\n    summary: Paid centrally.\n    charging: free\n")
    out.append("  - id: pay-per-use\n    name: Pay per use\n    summary: Charged per use.\n    charging: per-use\n")
    out.append("  - id: subscription\n    name: Subscription\n    summary: A yearly fee.\n    charging: subscription\n")
    out.append("  - id: project-then-paid\n    name: Project, then paid\n    summary: Free at first.\n    charging: free\n"
               "    becomes: {model: pay-per-use, when-users-reach: 10000}\n")
    out.append("agencies:\n")
    for a in range(agencies):
        out.append(f"  - id: agency-{a}\n    name: Agency {a}\n    summary: A generated agency.\n"
                   f"    source-kind: {rng.choice(['agency', 'individual', 'business'])}\n"
                   f"    grant-process:\n      summary: Ask agency {a}.\n")
    write("stack.yaml", "".join(out))

    layers = ["microservices", "application", "infrastructure", "data"]
    out = ["standards:\n"]
    for s in range(standards):
        out.append(f"  - id: std-{s}\n    name: Standard {s}\n    summary: A generated standard number {s}.\n"
                   f"    url: https://example.org/std/{s}\n")
        if s % 50 == 49:
            out.append(f"    status: deprecated\n    replaced-by: std-{s - 1}\n")
    write("standards.yaml", "".join(out))

    out = ["components:\n"]
    for c in range(components):
        requires = sorted({f"std-{rng.randrange(standards)}" for _ in range(rng.randint(0, 2))})
        out.append(f"  - id: comp-{c}\n    name: Component {c}\n    summary: A generated component number {c}.\n"
                   f"    layer: {rng.choice(layers)}\n    owner: agency-{rng.randrange(agencies)}\n"
                   f"    funding: {{model: {rng.choice(['central', 'pay-per-use', 'subscription', 'project-then-paid'])}}}\n")
        if requires:
            out.append(f"    requires: [{', '.join(requires)}]\n")
    write("components.yaml", "".join(out))

    out = ["concerns:\n"]
    for c in range(concerns):
        recommended = sorted({f"std-{rng.randrange(standards)}" for _ in range(2)} | {f"comp-{rng.randrange(components)}"})
        alternatives = sorted({f"std-{rng.randrange(standards)}" for _ in range(2)} - set(recommended))
        out.append(f"  - id: concern-{c}\n    name: Concern {c}\n    summary: A generated concern.\n"
                   f"    layer: {rng.choice(layers)}\n    question: Which answer for concern {c}?\n"
                   f"    recommended: [{', '.join(recommended)}]\n")
        if alternatives:
            out.append(f"    alternatives: [{', '.join(alternatives)}]\n")
    write("concerns.yaml", "".join(out))

    out = ["datasets:\n"]
    for d in range(datasets):
        via = f"comp-{rng.randrange(components)}"
        requires = sorted({f"std-{rng.randrange(standards)}" for _ in range(rng.randint(0, 2))})
        out.append(f"  - id: data-{d}\n    name: Dataset {d}\n    summary: A generated dataset.\n"
                   f"    source: agency-{rng.randrange(agencies)}\n    items: [item one, item two]\n"
                   f"    access:\n      - via: {via}\n        requires: [{', '.join(requires)}]\n")
    write("datasets.yaml", "".join(out))


if __name__ == "__main__":
    main()
