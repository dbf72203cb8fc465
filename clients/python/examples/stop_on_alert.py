"""A training loop that stops itself when unigap opens an alert on its run (issue 14).

Replays a corrupted-labels style run checkpoint by checkpoint: step 0 is the pre-trained model (the
run's own baseline), checkpoints 1 and 2 look fine, checkpoint 3 co-degrades (Gen falls, Und below
50%). With stop_on_alert=True the first log call after the alert opened raises unigap.AlertRaised.

    UNIGAP_URL=http://127.0.0.1:3000 UNIGAP_API_KEY=ugk_… python3 examples/stop_on_alert.py --project demo

Prints one JSON line per event ({"logged": step} and, at the end, {"raised": …} or {"finished": true}).
"""

import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import unigap  # noqa: E402

PROMPTS, PER_PROMPT = 40, 5
# Per checkpoint: how many of 5 images pass the external judge, and how it re-judges the baseline's images.
PLAN = [(1, 3, "right"), (2, 3, "right"), (3, 1, "wrong"), (4, 1, "wrong"), (5, 1, "wrong")]


def prompt(p):
    return "a photo of %d red benches" % (p + 2), ("color" if p % 2 else "counting")


def log_checkpoint(run, step, passing, rejudge):
    for p in range(PROMPTS):
        text, subtask = prompt(p)
        for k in range(PER_PROMPT):
            verdict = 1 if k < passing else 0
            run.log_sample(step=step, prompt=text, subtask=subtask, benchmark="geneval", candidate=k,
                           judgments=[{"kind": "self", "verdict": verdict}, {"kind": "external", "judge": "geneval", "verdict": verdict}])
            if step > 0:  # this checkpoint's self judge on the baseline's images (Und)
                external, baseline_self = (1 if k < 3 else 0), (1 if k < 4 else 0)
                again = external if rejudge == "right" else (0 if k < 2 else baseline_self)
                run.log_sample(step=0, prompt=text, subtask=subtask, benchmark="geneval", candidate=k,
                               judgments=[{"kind": "self", "verdict": again, "judge_step": step}])


def baseline(run):
    for p in range(PROMPTS):
        text, subtask = prompt(p)
        for k in range(PER_PROMPT):
            run.log_sample(step=0, prompt=text, subtask=subtask, benchmark="geneval", candidate=k,
                           judgments=[{"kind": "self", "verdict": 1 if k < 4 else 0}, {"kind": "external", "judge": "geneval", "verdict": 1 if k < 3 else 0}])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--project", default=None)
    parser.add_argument("--name", default="sft-corrupted-labels-replay")
    parser.add_argument("--train-seconds", type=float, default=6.0, help="time a checkpoint 'trains' before the next")
    args = parser.parse_args()
    emit = lambda event: print(json.dumps(event), flush=True)  # noqa: E731
    run = unigap.init(project=args.project, name=args.name, method="sft", stop_on_alert=True, alert_poll_interval=1.0, flush_interval=0.2)
    try:
        baseline(run)
        run.log({"train/loss": 1.0}, step=0)
        emit({"run": run.id, "logged": 0})
        time.sleep(args.train_seconds)
        for step, passing, rejudge in PLAN:
            run.log({"train/loss": 1.0 / (step + 1)}, step=step)
            log_checkpoint(run, step, passing, rejudge)
            emit({"logged": step})
            time.sleep(args.train_seconds)
    except unigap.AlertRaised as raised:
        emit({"raised": raised.alert["signature"], "step": raised.alert["step"], "reasons": raised.alert["reasons"], "figures": raised.alert["figures"]})
        run.finish("failed")
        return
    run.finish()
    emit({"finished": True})


if __name__ == "__main__":
    main()
