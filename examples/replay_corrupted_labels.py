"""Replays the demo's "SFT with corrupted labels" run into a new running run, checkpoint by checkpoint,
through the Python client (README: "Alerts on a live run").

The data is examples/corrupted-labels/ (`npm run examples:corrupted-labels`): step 0 is the pre-trained
model's evaluation, which becomes the new run's own baseline; every later checkpoint logs its own images
and its verdicts on step 0's images (Und). Between checkpoints the script "trains" for --pause seconds,
and prints the run's open alerts as unigap reports them.

    UNIGAP_URL=http://127.0.0.1:3000 UNIGAP_API_KEY=ugk_… python3 examples/replay_corrupted_labels.py --project demo

With --stop-on-alert the replay stops like a training job would: the first log call after an alert
opened raises unigap.AlertRaised. One JSON line per event on stdout.
"""

import argparse
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "clients", "python"))

import unigap  # noqa: E402


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--project", default=None)
    parser.add_argument("--name", default="sft-corrupted-labels (replay)")
    parser.add_argument("--data", default=os.path.join(HERE, "corrupted-labels"))
    parser.add_argument("--pause", type=float, default=8.0, help="seconds a checkpoint 'trains' before the next")
    parser.add_argument("--stop-on-alert", action="store_true")
    args = parser.parse_args()
    emit = lambda event: print(json.dumps(event), flush=True)  # noqa: E731

    prompts = {p["id"]: p for p in read_jsonl(os.path.join(args.data, "prompts.jsonl"))}
    checkpoints = read_jsonl(os.path.join(args.data, "checkpoints.jsonl"))

    def log(run, step, p, k, judgments):
        prompt = prompts[p]
        run.log_sample(step=step, prompt=prompt["text"], prompt_id=p, subtask=prompt["subtask"], benchmark=prompt["benchmark"], candidate=k, judgments=judgments)

    run = unigap.init(project=args.project, name=args.name, method="sft", tags=["replay", "poor-supervision"],
                      stop_on_alert=args.stop_on_alert, alert_poll_interval=1.0, flush_interval=0.5)
    emit({"run": run.id})
    seen = set()
    try:
        for checkpoint in checkpoints:
            step = checkpoint["step"]
            run.log({"train/step": step}, step=step)
            for s in checkpoint["samples"]:
                log(run, step, s["p"], s["k"], [{"kind": "self", "verdict": s["self"]}, {"kind": "external", "judge": s["judge"], "verdict": s["ext"]}])
            run.flush()  # step 0's own verdicts are in before this checkpoint's verdicts on its images
            for j in checkpoint["onBaseline"]:
                log(run, 0, j["p"], j["k"], [{"kind": "self", "verdict": j["self"], "judge_step": step}])
            run.flush()
            emit({"logged": step, "images": len(checkpoint["samples"]), "verdictsOnBaseline": len(checkpoint["onBaseline"])})
            time.sleep(args.pause)
            for alert in run.alerts(status="open"):
                if alert["id"] not in seen:
                    seen.add(alert["id"])
                    emit({"alert": alert["signature"], "step": alert["step"], "reasons": alert["reasons"][:3]})
    except unigap.AlertRaised as raised:
        emit({"raised": raised.alert["signature"], "step": raised.alert["step"], "reasons": raised.alert["reasons"][:3]})
        run.finish("failed")
        return
    run.finish()
    emit({"finished": True})


if __name__ == "__main__":
    main()
