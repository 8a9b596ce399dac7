"""Publishing the built site from git; see kit_publish.py."""

from .kit_publish import (PublishRefused, cname_of, deploys, publish_to_branch, rollback_branch,
                          uncommitted_sources)

__all__ = ["PublishRefused", "cname_of", "deploys", "publish_to_branch", "rollback_branch",
           "uncommitted_sources"]
