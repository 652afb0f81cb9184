#!/usr/bin/env python3
"""Writes N manifests for measuring `techstack scorecard` at scale: variations of the
manifests in examples/portfolio, spread over the catalogue's agencies, with deviations,
exemptions and data needs mixed in deterministically (the same N always gives the same files).

usage: bench/generate-portfolio.py OUTDIR [N=10000]
"""
import os, random, sys

AGENCIES = ["ica", "mom", "hdb", "ura", "msf", "cpfb", "iras", "lta", "acra", "govtech", "sla", "moh", "moe", "spf", "nea"]
DEVIATIONS = {
    "api-style": ["soap", "amqp"], "identity-protocol": ["saml2"], "analytics": ["google-analytics"],
    "hosting": ["on-premises"], "ci-cd": ["jenkins"], "design-system": ["bootstrap"], "api-gateway": ["kong"],
    "api-authentication": ["apex-l1-hmac", "apex-l2-rsa"], "login-security-profile": ["myinfo-pki-signature"],
}
EXPIRIES = ["2025-12-31", "2026-06-30", "2027-06-30", "2028-03-31"]

def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out, count = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples", "portfolio")
    templates = []
    for folder, _, files in sorted(os.walk(root)):
        if "techstack.yaml" in files:
            with open(os.path.join(folder, "techstack.yaml")) as f:
                templates.append(f.read().splitlines())
    if not templates:
        sys.exit("no manifests under examples/portfolio")
    rng = random.Random(20190226)
    for i in range(count):
        lines = list(templates[i % len(templates)])
        agency = AGENCIES[rng.randrange(len(AGENCIES))]
        project = ""
        result = []
        for line in lines:
            if line.startswith("project: "):
                project = f"{line[9:]}-{i:05d}"
                line = f"project: {project}"
            elif line.startswith("agency: "):
                line = f"agency: {agency}"
            elif line.startswith("  ") and not line.startswith("   ") and ": " in line:
                key = line[2:].split(":", 1)[0]
                if key in DEVIATIONS and rng.random() < 0.12:
                    line = f"  {key}: {rng.choice(DEVIATIONS[key])}"
            elif line.startswith("    expires: "):
                line = f"    expires: {rng.choice(EXPIRIES)}"
            result.append(line)
        folder = os.path.join(out, agency, project)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "techstack.yaml"), "w") as f:
            f.write("\n".join(result) + "\n")
    print(f"{count} manifests under {out}")

if __name__ == "__main__":
    main()
