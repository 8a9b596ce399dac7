"""Publishing the built site from git; see kit_publish.py."""

from .kit_publish import (Deploy, PublishRefused, cname_of, deploys, export_commit, head_commit, live_tip,
                          publish_lock, publish_to_branch, refuse_older, rollback_branch, uncommitted_sources)

__all__ = ["Deploy", "PublishRefused", "cname_of", "deploys", "export_commit", "head_commit", "live_tip",
           "publish_lock", "publish_to_branch", "refuse_older", "rollback_branch", "uncommitted_sources"]
