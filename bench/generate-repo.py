#!/usr/bin/env python3
"""Generates a repository for the detect benchmark (SPEC §7): by default 20,000 files,
about 200 MB, in nested folders: source in many languages, web pages, configuration,
package manifests of every ecosystem detect reads, a .gitignore'd build folder, binary
files and a few over 1 MiB. A few files hold texts that catalogue signals look for.

usage: bench/generate-repo.py OUTDIR [--files N] [--megabytes M] [--tiny]
  --tiny  N files of a few bytes each instead (the 100,000-file case).
"""
import argparse, os, random

SIGNAL_TEXTS = [
    'const issuer = "https://id.singpass.gov.sg";',
    '<script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>',
    '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">',
    'openapi: 3.0.3',
    'url: https://public.api.gov.sg/v1',
]
EXTENSIONS = ['ts', 'js', 'py', 'java', 'go', 'rb', 'php', 'cs', 'json', 'yaml', 'html', 'md', 'txt', 'css', 'xml']
WORDS = ('service account benefit household payment record status request response handler client '
         'config value error retry timeout session token audit report queue batch').split()


def line(rng):
    return ' '.join(rng.choice(WORDS) for _ in range(rng.randint(4, 14)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('out')
    ap.add_argument('--files', type=int, default=20000)
    ap.add_argument('--megabytes', type=int, default=160)
    ap.add_argument('--tiny', action='store_true')
    a = ap.parse_args()
    rng = random.Random(7)
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, '.gitignore'), 'w') as f:
        f.write('build/\n*.log\nnode_modules/\n')
    if a.tiny:
        for i in range(a.files):
            d = os.path.join(a.out, f'p{i // 1000:03d}')
            os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, f'f{i}.{EXTENSIONS[i % len(EXTENSIONS)]}'), 'w') as f:
                f.write('x\n')
        return
    average = a.megabytes * 1024 * 1024 // a.files
    block = '\n'.join(line(rng) for _ in range(2000)) + '\n'
    manifests = {
        'package.json': '{\n  "dependencies": {\n    "@govtechsg/sgds": "^2.0.0",\n    "express": "^4"\n  }\n}\n',
        'requirements.txt': 'flask==3.0\nsendgrid>=6\n',
        'pom.xml': '<project><dependencies><dependency><groupId>com.rabbitmq</groupId><artifactId>amqp-client</artifactId></dependency></dependencies></project>\n',
        'go.mod': 'module example.com/x\n\nrequire github.com/sendgrid/sendgrid-go v3.14.0\n',
        'Gemfile': "gem 'rails'\n",
        'composer.json': '{"require": {"twbs/bootstrap": "^5"}}\n',
        'Package.swift': '.package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0")\n',
        'app.csproj': '<Project><ItemGroup><PackageReference Include="Bootstrap" /></ItemGroup></Project>\n',
        'build.gradle': 'implementation "com.sendgrid:sendgrid-java:4"\n',
        'pyproject.toml': '[project]\ndependencies = ["pika>=1"]\n',
    }
    written = 0
    for i in range(a.files):
        depth = 1 + i % 5
        folder = os.path.join(a.out, *[f'm{(i >> (3 * k)) % 8}' for k in range(depth)])
        os.makedirs(folder, exist_ok=True)
        if i < len(manifests) * 40:
            name, text = list(manifests.items())[i % len(manifests)]
            path = os.path.join(folder, name)
            if os.path.exists(path):
                path = os.path.join(folder, f'x{i}', name)
                os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, 'w') as f:
                f.write(text)
            continue
        if i % 1000 == 1:    # ignored build output
            folder = os.path.join(a.out, 'build', f'b{i}')
            os.makedirs(folder, exist_ok=True)
        ext = EXTENSIONS[i % len(EXTENSIONS)]
        path = os.path.join(folder, f'file{i}.{ext}')
        size = max(200, int(rng.expovariate(1 / average))) if i % 500 else (1 << 20) + 4096
        with open(path, 'wb') as f:
            if i % 997 == 0:    # binary
                f.write(b'\x89PNG\r\n\x1a\n\x00\x00' + os.urandom(min(size, 65536)))
                continue
            data = (block * (size // len(block) + 1))[:size]
            if i % 250 == 3:
                data = data[: size // 2] + '\n' + rng.choice(SIGNAL_TEXTS) + '\n' + data[size // 2:]
            f.write(data.encode())
            written += size
    print(f'{a.files} files, {written / 1e6:.0f} MB of text in {a.out}')


if __name__ == '__main__':
    main()
