"""The load generator of `motcua bench run`, in a process of its own and without Django, so that what it spends is
never counted as the server's: `python -m motcua.bench.load < plan.json > result.json`.

A plan names the servers (host, ports: user i talks to the i mod n-th), how long to run (seconds, after a warm-up)
and one script per simulated user; each user runs its script in a loop on its own thread (closed loop: a user sends
its next request when the answer to the last one has come, as an official at a desk does). A script is a list of
requests; a request may take a value from the previous answer (`from_json`: a field of its JSON body, put into the
path in place of `{value}`), which is how "submit, then receive that dossier" runs. Every answer is checked against
the status expected: a wrong one is counted as an error, never as a fast answer.

The result: per request name, the latencies' p50/p90/p99 in ms and the count; per scenario, iterations (whole
scripts) per second, requests per second and errors with the first few bodies that went wrong.
"""

import http.client
import json
import resource
import statistics
import sys
import threading
import time
from typing import Any

WARM_UP_SECONDS = 1.0


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


class User(threading.Thread):
    def __init__(
        self,
        plan: dict[str, Any],
        port: int,
        script: list[dict[str, Any]],
        start_at: float,
        measure_from: float,
        stop_at: float,
    ) -> None:
        super().__init__(daemon=True)
        self.plan, self.port, self.script = plan, port, script
        self.start_at, self.measure_from, self.stop_at = start_at, measure_from, stop_at
        self.latencies: dict[str, list[float]] = {}
        self.iterations = 0
        self.errors: list[str] = []
        self.error_count = 0

    def send(self, request: dict[str, Any], value: str) -> tuple[int, bytes]:
        # gunicorn's sync workers answer and close: one connection per request, for the bare route as for the rest
        connection = http.client.HTTPConnection(self.plan["host"], self.port, timeout=60)
        try:
            body = request.get("body")
            payload = body.encode("latin-1") if isinstance(body, str) else None
            connection.request(
                request.get("method", "GET"),
                request["path"].replace("{value}", value),
                body=payload,
                headers=request.get("headers", {}),
            )
            answer = connection.getresponse()
            return answer.status, answer.read()
        finally:
            connection.close()

    def run(self) -> None:
        while time.monotonic() < self.start_at:
            time.sleep(0.001)
        turn = 0
        while time.monotonic() < self.stop_at:
            value, ok, samples = "", True, []
            for request in self.script[turn % len(self.script)]["requests"]:
                began = time.monotonic()
                try:
                    status, body = self.send(request, value)
                except OSError as error:
                    status, body = 0, str(error).encode()
                samples.append((request["name"], (time.monotonic() - began) * 1000, began))
                if status != request.get("expect", 200):
                    ok = False
                    self.record_error(request, status, body)
                    break
                if request.get("from_json"):
                    value = str(json.loads(body)[request["from_json"]])
            turn += 1
            if samples and samples[0][2] >= self.measure_from and time.monotonic() < self.stop_at:
                for name, ms, _ in samples:
                    self.latencies.setdefault(name, []).append(ms)
                self.iterations += ok

    def record_error(self, request: dict[str, Any], status: int, body: bytes) -> None:
        self.error_count += 1
        if len(self.errors) < 3:
            self.errors.append(f"{request['name']}: {status} {body[:300].decode('utf-8', 'replace')}")


def run(plan: dict[str, Any]) -> dict[str, Any]:
    began = time.monotonic() + 0.2
    measure_from = began + plan.get("warm_up", WARM_UP_SECONDS)
    stop_at = measure_from + plan["seconds"]
    ports = plan["ports"]  # several app servers: user i talks to server i mod n, as a balancer spreading clients
    users = [
        User(plan, ports[i % len(ports)], script, began, measure_from, stop_at)
        for i, script in enumerate(plan["users"])
    ]
    for user in users:
        user.start()
    for user in users:
        user.join(plan["seconds"] + 120)
    latencies: dict[str, list[float]] = {}
    for user in users:
        for name, values in user.latencies.items():
            latencies.setdefault(name, []).extend(values)
    requests = sum(len(values) for values in latencies.values())
    return {
        "users": len(users),
        "seconds": plan["seconds"],
        "iterations_per_second": round(sum(u.iterations for u in users) / plan["seconds"], 2),
        "requests_per_second": round(requests / plan["seconds"], 2),
        "errors": sum(u.error_count for u in users),
        "requests_by_port": {
            str(port): sum(len(v) for u in users if u.port == port for v in u.latencies.values()) for port in ports
        },
        "cpu_seconds": round(sum(resource.getrusage(resource.RUSAGE_SELF)[:2]), 2),  # the generator's own cost
        "error_samples": [text for u in users for text in u.errors][:5],
        "requests": {
            name: {
                "count": len(values),
                "p50_ms": round(statistics.median(values), 2),
                "p90_ms": round(percentile(values, 0.9), 2),
                "p99_ms": round(percentile(values, 0.99), 2),
            }
            for name, values in latencies.items()
        },
    }


if __name__ == "__main__":
    json.dump(run(json.load(sys.stdin)), sys.stdout)
