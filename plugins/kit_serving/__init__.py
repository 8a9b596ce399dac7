"""Server settings for the built site (nginx, _headers); see kit_serving.py."""

from .kit_serving import CONTENT_SECURITY_POLICY, headers_file, nginx_config, register, running_nginx

__all__ = ["CONTENT_SECURITY_POLICY", "headers_file", "nginx_config", "register", "running_nginx"]
