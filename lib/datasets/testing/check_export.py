"""Opens a unigap dataset export with the standard library only and checks it against its manifest.

Usage: python3 check_export.py ARCHIVE  → prints a JSON summary; exits 1 on any mismatch.
"""
import hashlib
import json
import sys
import tarfile


def main(path):
    with tarfile.open(path, "r:*") as archive:
        members = {m.name: m for m in archive.getmembers() if m.isfile()}
        manifest = json.load(archive.extractfile(members["manifest.json"]))
        problems = []
        for name, digest in manifest["files"].items():
            if name not in members:
                problems.append("missing " + name)
                continue
            actual = hashlib.sha256(archive.extractfile(members[name]).read()).hexdigest()
            if actual != digest:
                problems.append("hash of " + name)
        extra = set(members) - set(manifest["files"]) - {"manifest.json"}
        problems += ["unlisted " + n for n in sorted(extra)]
        rows = {}
        for name in ("sft.jsonl", "metadata.jsonl", "dpo.jsonl"):
            if name not in members:
                continue
            lines = [json.loads(l) for l in archive.extractfile(members[name]).read().decode().splitlines() if l]
            rows[name] = len(lines)
            for line in lines:
                for key in ("file_name", "jpg_0", "jpg_1"):
                    if key in line and line[key] not in members:
                        problems.append(name + " names missing " + line[key])
            if name == "dpo.jsonl" and any(line["label_0"] != 1 for line in lines):
                problems.append("label_0 must be 1")
        if rows != manifest["counts"]["rows"]:
            problems.append("row counts")
        images = sum(1 for n in members if n.startswith("images/"))
        print(json.dumps({"rows": rows, "images": images, "items": manifest["counts"]["items"], "problems": problems}))
        return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
