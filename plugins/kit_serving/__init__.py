"""Server settings for the built site (nginx, _headers); see kit_serving.py."""

from .kit_serving import (content_security_policy, free_port, headers_file, main_config, nginx_config,
                          running_nginx, serving_settings)

__all__ = ["content_security_policy", "free_port", "headers_file", "main_config", "nginx_config",
           "running_nginx", "serving_settings"]
