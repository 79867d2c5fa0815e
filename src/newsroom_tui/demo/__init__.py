"""The bundled demo newsroom: a static site written for this project and the server that serves it.

`newsroom_tui.demo.server.SiteServer` serves `site/` on 127.0.0.1; `demo_profile(base_url)` is the
matching profile. `build_site` regenerates `site/` from the content in `content/` (data files,
read by `content.py`); `loopback` is the site server core the demo, the benchmarks and the tests
share.
"""
