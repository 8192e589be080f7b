"""``backup create [-o FILE]`` and ``backup restore FILE --data-dir NEW`` (app.services.backup).

``create`` does not open the workspace the usual way: that would refuse (or upgrade) an outdated
schema, and a backup is exactly what someone wants before an upgrade. It reads nothing but the
database and the data folder, and writes nothing but the archive.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app import settings as S
from app.errors import ConfigError

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2  # as in app.cli (which imports this module)


def add_backup_commands(sub: Any) -> None:
    top = sub.add_parser("backup", help="sao lưu và khôi phục dữ liệu")
    backup = top.add_subparsers(dest="backup_command", metavar="ACTION", parser_class=type(top))
    backup.required = True
    create = backup.add_parser("create", help="tạo bản sao lưu (.tar) của thư mục dữ liệu")
    create.add_argument("-o", "--output", metavar="FILE", help="tệp sao lưu (mặc định: backups/)")
    create.set_defaults(handler=cmd_backup_create)
    restore = backup.add_parser("restore", help="khôi phục bản sao lưu vào thư mục dữ liệu mới")
    restore.add_argument("archive", metavar="FILE", help="tệp sao lưu (.tar)")
    restore.add_argument(
        "--data-dir",
        dest="restore_dir",
        metavar="NEW",
        help="thư mục dữ liệu mới hoặc trống để khôi phục vào (bắt buộc)",
    )
    restore.set_defaults(handler=cmd_backup_restore)


def cmd_backup_create(args: argparse.Namespace) -> int:
    from app.cli import resolve_data_dir
    from app.models.db import Database, create_db_engine, sqlite_url
    from app.services.backup import create_backup
    from app.services.workspace import DB_FILE

    data_dir = resolve_data_dir(args)
    if not data_dir.is_dir():
        raise ConfigError(f"no data folder at {data_dir}", path=str(data_dir))
    url = args.db_url or S.Settings(data_dir).get(S.DB_URL) or sqlite_url(data_dir / DB_FILE)
    db = Database(create_db_engine(url))
    try:
        db.ping()
        output = Path(args.output).expanduser() if args.output else None
        result = create_backup(data_dir, db, output)
    finally:
        db.dispose()
    manifest = result.manifest
    files = sum(1 for m in manifest.members if m.name.startswith("files/"))
    print(f"Đã tạo bản sao lưu: {result.path} ({result.size / 1e6:.1f} MB)")
    print(
        f"  phiên bản {manifest.app_version}, lược đồ {manifest.schema_revision or 'trống'}, "
        f"{files} tệp văn bản, lúc {manifest.created_at}"
    )
    if result.pg_dump_command:
        print(
            "  Cơ sở dữ liệu PostgreSQL dùng chung KHÔNG nằm trong bản sao lưu này (chỉ có kho tệp,"
            " cài đặt, chứng thư gốc). Sao lưu cơ sở dữ liệu bằng pg_dump trên máy chủ, ví dụ:"
        )
        print(f"    {result.pg_dump_command}")
    if result.corrupt_objects:
        print(
            f"vbdt: cảnh báo: {len(result.corrupt_objects)} tệp trong kho đã hỏng trước khi sao lưu"
            f" (ví dụ {result.corrupt_objects[0]}); chạy `store check`.",
            file=sys.stderr,
        )
        return EXIT_FAIL
    return EXIT_OK


def cmd_backup_restore(args: argparse.Namespace) -> int:
    from app.services.backup import restore_backup

    target = args.restore_dir or args.data_dir
    if not target:
        print(
            "vbdt: cần --data-dir THƯ_MỤC_MỚI: bản sao lưu chỉ được khôi phục vào thư mục mới"
            " hoặc trống.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    result = restore_backup(Path(args.archive).expanduser(), Path(target).expanduser())
    manifest = result.manifest
    print(f"Đã khôi phục bản sao lưu ngày {manifest.created_at} vào {result.data_dir}")
    if result.upgraded_from:
        print(f"  Đã nâng cấp lược đồ cơ sở dữ liệu từ {result.upgraded_from}.")
    if result.audit is not None:
        print(f"  Nhật ký kiểm tra toàn vẹn: {result.audit.checked} sự kiện.")
    else:
        print(
            "  Bản sao lưu không có cơ sở dữ liệu"
            " (PostgreSQL dùng chung: khôi phục cơ sở dữ liệu bằng pg_restore)."
        )
    print(f"  Kho tệp: {result.store.checked} tệp, không thiếu, không hỏng.")
    return EXIT_OK
