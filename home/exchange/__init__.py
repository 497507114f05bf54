"""Content exchange: import and export of content bundles (../shared/content-format.md).

- `bundle`: reading content.jsonl with physical line numbers, checks of single values and files;
- `markdown`: the body's Markdown subset to StreamField blocks and back;
- `pages` / `topics`: what each kind exchanges (page kinds subclass `pages.PageExchange`
  in their own app and register it with `register_kind(..., exchange=...)`);
- `importer.import_bundle(path=..., draft=...)` and `exporter.export_bundle(path=...)`: the services
  behind `manage.py import_content` and `manage.py export_content`.
"""
