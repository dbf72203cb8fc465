"""`python -m unigap sync`: upload what runs spooled while the server was unreachable."""

import argparse
import json
import sys

from .sync import sync


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m unigap")
    commands = parser.add_subparsers(dest="command", required=True)
    sync_cmd = commands.add_parser("sync", help="upload spooled runs and batches")
    sync_cmd.add_argument("--spool-dir", help="default: $UNIGAP_SPOOL_DIR or ~/.unigap/spool")
    sync_cmd.add_argument("--url", help="default: $UNIGAP_URL, else the URL the run was logging to")
    sync_cmd.add_argument("--api-key", help="default: $UNIGAP_API_KEY")
    args = parser.parse_args(argv)
    sent = sync(spool_dir=args.spool_dir, url=args.url, api_key=args.api_key)
    print(json.dumps(sent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
