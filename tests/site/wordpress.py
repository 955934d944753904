"""A throwaway real WordPress on 127.0.0.1, from Debian's packages, for the site tests and the
site benchmark (the recipe of ``shared/tools/wordpress-up``, as the project's own code).

MariaDB runs in a temporary data directory on a Unix socket (no TCP port); PHP's built-in server
serves a copy of ``/usr/share/wordpress`` with several workers (PHP_CLI_SERVER_WORKERS), so that
requests sent on several connections are answered side by side as on a real server.
``wp_install`` runs from PHP; an application password is made for the administrator;
``WP_ENVIRONMENT_TYPE=local`` lets application passwords work over plain HTTP. Two must-use
plugins are added for tests only: the comment flood check is switched off (tests post several
comments from one address within seconds), and ``misbehave.php`` makes the site answer badly on
request — an HTML error page, broken JSON, invalid UTF-8, a redirect to the login page, a 429
with Retry-After, a 50 MB comment — when a test writes ``misbehave.json`` (see :meth:`misbehave`).

``python -m tests.site.wordpress DIR`` starts one by hand and prints its address and password.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

DEBIAN_WORDPRESS = Path("/usr/share/wordpress")
PACKAGES = ("wordpress", "mariadb-server", "php-cli", "php-mysql")
PHP_WORKERS = 4


def missing_tools() -> list[str]:
    """What this machine lacks to run a local WordPress (empty when it can)."""
    missing = [
        tool for tool in ("mariadbd", "mariadb-install-db", "mariadb", "php") if not shutil.which(tool)
    ]
    if not (DEBIAN_WORDPRESS / "wp-settings.php").is_file():
        missing.append(str(DEBIAN_WORDPRESS))
    if shutil.which("php") and "mysqli" not in _php_modules():
        missing.append("php-mysql")
    return missing


def _php_modules() -> str:
    return subprocess.run(["php", "-m"], capture_output=True, text=True, check=False).stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


WP_CONFIG = """<?php
define('DB_NAME', 'wp'); define('DB_USER', 'wp'); define('DB_PASSWORD', 'wp');
define('DB_HOST', 'localhost:{root}/mysql.sock'); define('DB_CHARSET', 'utf8mb4'); define('DB_COLLATE', '');
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_HOME', '{url}'); define('WP_SITEURL', '{url}');
define('WP_CONTENT_DIR', '{root}/site/wp-content');
define('DISABLE_WP_CRON', true);
$table_prefix = 'wp_';
foreach (array('AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT',
    'LOGGED_IN_SALT', 'NONCE_SALT') as $k) define($k, 'test-' . $k);
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
"""

INSTALL = """<?php
define('WP_INSTALLING', true);
$_SERVER['HTTP_HOST'] = '127.0.0.1:{port}';
require '{root}/site/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
wp_install('Le Journal', 'admin', 'admin@example.org', true, '', 'admin-pass');
update_option('permalink_structure', '/%postname%/');
update_option('comment_moderation', '1');  // every reader comment waits for moderation
update_option('require_name_email', '1');
update_option('timezone_string', 'Europe/Paris');
$u = get_user_by('login', 'admin');
$r = WP_Application_Passwords::create_new_application_password($u->ID, array('name' => 'redaction'));
file_put_contents('{root}/app-password', $r[0]);
// A contributor: may neither publish nor moderate (the connection check must say so).
$c = wp_insert_user(array('user_login' => 'pigiste', 'user_pass' => 'pigiste-pass', 'role' => 'contributor',
    'user_email' => 'pigiste@example.org'));
$r = WP_Application_Passwords::create_new_application_password($c, array('name' => 'redaction'));
file_put_contents('{root}/contributor-password', $r[0]);
"""

NO_FLOOD = '<?php\nadd_filter("comment_flood_filter", "__return_false", 99);\n'

# Misbehaviour on request, for the bad-input tests: the real WordPress answers, badly.
MISBEHAVE = r"""<?php
$file = __DIR__ . '/../../misbehave.json';
if (!is_file($file)) return;
$m = json_decode(file_get_contents($file), true);
$uri = $_SERVER['REQUEST_URI'] ?? '';
if (!empty($m['path']) && strpos(urldecode($uri), $m['path']) === false) return;
if (isset($m['times'])) {
    if ($m['times'] <= 0) return;
    $m['times'] -= 1;
    file_put_contents($file, json_encode($m));
}
switch ($m['mode']) {
case 'html500':
    http_response_code(500); header('Content-Type: text/html; charset=UTF-8');
    echo "<!DOCTYPE html><html><head><title>Erreur de la base de données</title></head>"
        . "<body><h1>Erreur lors de la connexion à la base de données</h1></body></html>";
    exit;
case 'html200':
    header('Content-Type: text/html; charset=UTF-8');
    echo "<!DOCTYPE html><html><head><title>Maintenance</title></head><body>Site en maintenance</body></html>";
    exit;
case 'brokenjson':
    header('Content-Type: application/json; charset=UTF-8');
    echo '[{"id": 1, "content": {"raw": "coupé en';
    exit;
case 'badutf8':
    header('Content-Type: application/json; charset=UTF-8');
    echo "[{\"id\": 1, \"content\": {\"raw\": \"caf\xe9 \xff\"}}]";
    exit;
case 'login':
    header('Location: ' . site_url('wp-login.php?redirect_to=' . urlencode($uri)), true, 302);
    exit;
case '429':
    http_response_code(429); header('Retry-After: ' . ($m['retry_after'] ?? 1));
    header('Content-Type: application/json; charset=UTF-8');
    echo '{"code":"too_many_requests","message":"Slow down","data":{"status":429}}';
    exit;
case 'huge':
    add_filter('rest_prepare_comment', function ($response) {
        $data = $response->get_data();
        $data['content'] = array('raw' => str_repeat('a', 50 * 1024 * 1024), 'rendered' => '');
        $response->set_data($data);
        return $response;
    });
    return;
case 'norest':
    add_filter('rest_authentication_errors', function () {
        return new WP_Error('rest_disabled', 'The REST API is disabled on this site.', array('status' => 403));
    });
    return;
}
"""


@dataclass
class LocalWordPress:
    """One WordPress: its folder, its address and the administrator's application password."""

    root: Path
    port: int
    app_password: str = ""
    contributor_password: str = ""
    _mariadb: subprocess.Popen[bytes] | None = None
    _php: subprocess.Popen[bytes] | None = None

    user = "admin"
    contributor = "pigiste"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> LocalWordPress:
        root = self.root
        if root.exists():
            shutil.rmtree(root)
        (root / "db").mkdir(parents=True)
        _run(
            [
                "mariadb-install-db",
                "--no-defaults",
                f"--datadir={root / 'db'}",
                "--user=root" if os.geteuid() == 0 else f"--user={getpass.getuser()}",
                "--auth-root-authentication-method=normal",
                "--skip-test-db",
            ],
            root / "install.log",
        )
        self._start_mariadb()
        _run(
            [
                "mariadb",
                "--no-defaults",
                "-S",
                str(root / "mysql.sock"),
                "-uroot",
                "-e",
                "CREATE DATABASE wp; CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp'; "
                "GRANT ALL ON wp.* TO 'wp'@'localhost';",
            ],
            root / "install.log",
        )
        shutil.copytree(DEBIAN_WORDPRESS, root / "site", symlinks=True)
        (root / "site" / "wp-config.php").unlink(missing_ok=True)
        (root / "site" / "wp-config.php").write_text(WP_CONFIG.format(root=root, url=self.url))
        (root / "install.php").write_text(INSTALL.format(root=root, port=self.port))
        _run(["php", str(root / "install.php")], root / "wpinstall.log")
        plugins = root / "site" / "wp-content" / "mu-plugins"
        plugins.mkdir(parents=True, exist_ok=True)
        (plugins / "tests-no-flood.php").write_text(NO_FLOOD)
        (plugins / "tests-misbehave.php").write_text(MISBEHAVE)
        self.app_password = (root / "app-password").read_text().strip()
        self.contributor_password = (root / "contributor-password").read_text().strip()
        self.start_php()
        return self

    def _start_mariadb(self) -> None:
        root = self.root
        user = "--user=root" if os.geteuid() == 0 else ""
        args = [
            "mariadbd",
            "--no-defaults",
            f"--datadir={root / 'db'}",
            f"--socket={root / 'mysql.sock'}",
            "--skip-networking",
            f"--pid-file={root / 'mysqld.pid'}",
            "--innodb-flush-log-at-trx-commit=2",  # a test database: no fsync per commit
        ]
        if user:
            args.append(user)
        with open(root / "mysqld.log", "ab") as log:
            self._mariadb = subprocess.Popen(args, stdout=log, stderr=log, start_new_session=True)
        _wait(lambda: (root / "mysql.sock").exists(), "MariaDB", root / "mysqld.log")

    def start_php(self) -> None:
        """Start (or restart) PHP's built-in server: the site is reachable again."""
        env = {**os.environ, "PHP_CLI_SERVER_WORKERS": str(PHP_WORKERS)}
        with open(self.root / "php.log", "ab") as log:
            self._php = subprocess.Popen(
                # OPcache keeps WordPress compiled between requests (4x faster answers).
                ["php", "-d", "opcache.enable_cli=1", "-S", f"127.0.0.1:{self.port}"],
                cwd=self.root / "site",
                stdout=log,
                stderr=log,
                env=env,
                start_new_session=True,  # its workers are its children: stopped as one group
            )
        _wait(self._answers, "PHP's built-in server", self.root / "php.log")

    @property
    def php_running(self) -> bool:
        return self._php is not None and self._php.poll() is None

    def stop_php(self) -> None:
        """Stop the web server (MariaDB keeps running): the site is unreachable."""
        if self._php is not None:
            _stop(self._php)
            self._php = None

    def stop(self) -> None:
        self.stop_php()
        if self._mariadb is not None:
            _stop(self._mariadb)
            self._mariadb = None

    def _answers(self) -> bool:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
            return True
        return False

    def misbehave(self, mode: str | None, path: str = "", times: int | None = None, **extra: object) -> None:
        """From now on, requests whose address contains ``path`` get the ``mode`` answer
        (``times`` times, or until called with None)."""
        target = self.root / "site" / "misbehave.json"
        if mode is None:
            target.unlink(missing_ok=True)
            return
        spec: dict[str, object] = {"mode": mode, "path": path, **extra}
        if times is not None:
            spec["times"] = times
        target.write_text(json.dumps(spec))

    def php(self, code: str) -> str:
        """Run PHP inside the site (WordPress loaded) and return what it printed."""
        script = self.root / "snippet.php"
        script.write_text(
            f"<?php\n$_SERVER['HTTP_HOST'] = '127.0.0.1:{self.port}';\n"
            f"require '{self.root}/site/wp-load.php';\n{code}\n"
        )
        done = subprocess.run(["php", str(script)], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"PHP failed: {done.stdout[-2000:]} {done.stderr[-2000:]}")
        return done.stdout


def _run(args: list[str], log: Path) -> None:
    with open(log, "ab") as out:
        done = subprocess.run(args, stdout=out, stderr=out, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{args[0]} failed (exit {done.returncode}); see {log}")


def _wait(ready: object, what: str, log: Path, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if ready():  # type: ignore[operator]
            return
        time.sleep(0.05)
    raise RuntimeError(f"{what} did not start within {seconds:.0f} s; see {log}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


if __name__ == "__main__":
    wp = LocalWordPress(Path(sys.argv[1]).resolve(), int(sys.argv[2]) if len(sys.argv) > 2 else free_port())
    wp.start()
    print(f"WP_URL={wp.url}\nWP_USER={wp.user}\nWP_APP_PASSWORD={wp.app_password}")
    print("Ctrl+C stops it", file=sys.stderr)
    try:
        signal.pause()
    finally:
        wp.stop()
