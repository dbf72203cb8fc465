"""unigap: log runs, metrics, generated images and their judgments from training code.

    import unigap
    with unigap.init(project="demo", name="janus sft", config={"lr": 1e-5}, method="sft") as run:
        run.log({"loss": 0.3}, step=1)
        run.log_sample(step=1, prompt="a red bench", subtask="color_attr", image="out/0.png",
                       judgments=[{"kind": "self", "response": "The score is 1."}])

With `stop_on_alert=True`, the next `run.log…` call after an alert opened on the run (co-degradation,
the data-quality alarm, a project rule) raises `unigap.AlertRaised` carrying it; `run.alerts()` lists them.

Configuration: UNIGAP_URL and UNIGAP_API_KEY (or url=, api_key=). When the server is unreachable,
batches are kept in UNIGAP_SPOOL_DIR (default ~/.unigap/spool); `python -m unigap sync` sends them.
"""

from ._http import UnigapError, Unreachable
from .answer import parse_self_answer
from .datasets import Dataset, get_dataset, pull_dataset
from .run import AlertRaised, Run
from .sync import sync

__all__ = ["init", "Run", "AlertRaised", "sync", "parse_self_answer", "UnigapError", "Unreachable", "Dataset", "get_dataset", "pull_dataset"]
__version__ = "0.1.0"


def init(name, project=None, config=None, method=None, tags=None, **options):
    """Creates (or, with the same external_id, resumes) a run and returns it."""
    return Run(name=name, project=project, config=config, method=method, tags=tags, **options)
