"""A realistic demo CMDB, linked to the demo tickets that name its CIs.

Shape: locations (data centres, offices) contain network devices, storage and hosts; virtual
machines run on hosts and are backed up by storage; databases run on VMs (big ones on hosts);
applications run on VMs and depend on databases and on a few shared applications; business
services depend on applications (and on an identity service); workstations sit in offices.
About 3,400 CIs and 7,000 relationships, inserted in bulk in one transaction (well under a
second), reproducible per seed.

The offices are the sites the demo tickets mention, and servers, VMs, databases and switches
are named as the tickets name them (``desk.demo.names``): each recent ticket is linked to
the CIs its title and description name, so a major incident "switch office4-sw-1 down" is
linked to that switch and its impact shows the workstations, Wi-Fi and printing behind it.
Running it again on the same database adds nothing (the demo CIs carry ``demo:`` external ids).
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert, select

from desk.cmdb.settings import touch_graph
from desk.cmdb.vocab import BUILTIN_CLASS_IDS, CiStatus, Environment, RelType
from desk.db.session import Database
from desk.demo import names
from desk.demo import vocab as demo_vocab
from desk.ids import uuid7
from desk.models import AuditEntry, Group, Ticket
from desk.models.cmdb import CiRelationship, ConfigurationItem, TicketCi
from desk.timeutil import utcnow

LINKED_TICKETS_MAX = 50_000  # the most recent tickets are read for CI names

_SERVICES = {
    "en": ["Online Banking", "Email", "Payroll", "Customer Portal", "Video Conferencing",
           "Human Resources", "Procurement", "Data Warehouse", "Mobile App", "Call Centre",
           "Identity & Access", "File Sharing", "Intranet", "Billing", "Order Management",
           "Inventory", "Logistics", "Finance Reporting", "CRM", "Document Management",
           "Printing", "Wi-Fi", "VPN", "Service Desk", "Backup & Restore", "Monitoring",
           "E-Learning", "Travel Booking", "Expense Claims", "Contract Management",
           "Website", "Chat", "Marketing Automation", "Payments Gateway", "Loyalty Programme",
           "Fraud Detection", "Card Services", "Treasury", "Risk Reporting", "Time Tracking"],
    "zh_CN": ["网上银行", "电子邮件", "薪资系统", "客户门户", "视频会议", "人力资源", "采购",
              "数据仓库", "移动应用", "呼叫中心", "身份与访问", "文件共享", "内网门户", "计费",
              "订单管理", "库存管理", "物流", "财务报表", "客户关系管理", "文档管理", "打印服务",
              "无线网络", "VPN 远程接入", "服务台", "备份与恢复", "监控", "在线学习", "差旅预订",
              "费用报销", "合同管理", "官方网站", "即时通讯", "营销自动化", "支付网关", "会员积分",
              "反欺诈", "银行卡服务", "资金管理", "风险报表", "工时管理"],
}
_PRINTING, _WIFI = 20, 21  # positions in both lists of services
_DATA_CENTRES = {
    "en": ["Frankfurt DC", "Amsterdam DC", "Dublin DC", "Singapore DC"],
    "zh_CN": ["北京数据中心", "上海数据中心", "广州数据中心", "成都数据中心"],
}
_DB_ENGINES = [("PostgreSQL", "15"), ("Oracle", "19c"), ("SQL Server", "2022"),
               ("MySQL", "8.0"), ("Redis", "7")]


def add_demo_cmdb(db: Database, seed: int, locale: str) -> None:
    """Generate the demo CMDB and link it to the tickets that name its CIs (no-op if it is
    already there)."""
    with db.read() as s:
        if s.scalar(select(ConfigurationItem.id).where(
                ConfigurationItem.external_id.like("demo:%")).limit(1)) is not None:
            return
        groups = list(s.scalars(select(Group.id).where(Group.deleted_at.is_(None))
                                .order_by(Group.name)))
        recent = s.execute(
            select(Ticket.id, Ticket.title, Ticket.description)
            .where(Ticket.deleted_at.is_(None))
            .order_by(Ticket.opened_at.desc(), Ticket.id).limit(LINKED_TICKETS_MAX)).all()
    gen = _Generator(random.Random(seed), "zh_CN" if locale.startswith("zh") else "en", groups)
    gen.build()
    links = gen.link_tickets(recent)
    now = utcnow()
    with db.write() as s:
        for row in gen.cis:
            row.update(row_version=1, created_at=now, updated_at=now)
        s.execute(insert(ConfigurationItem.__table__), gen.cis)
        s.execute(insert(CiRelationship.__table__), [
            {"id": uuid7(), "source_id": a, "type": t, "target_id": b, "row_version": 1,
             "created_at": now, "updated_at": now} for a, t, b in gen.edges])
        s.execute(insert(AuditEntry.__table__), [
            {"id": uuid7(), "actor_id": None, "table_name": "configuration_items",
             "record_id": r["id"], "field": "created", "old_value": None,
             "new_value": r["name"], "created_at": now} for r in gen.cis])
        if links:
            s.execute(insert(TicketCi.__table__), [
                {"id": uuid7(), "ticket_id": t, "ci_id": c, "row_version": 1, "created_at": now,
                 "updated_at": now} for t, c in links])
        touch_graph(s)


class _Generator:
    def __init__(self, rng: random.Random, locale: str, groups: Sequence[uuid.UUID]) -> None:
        self.rng = rng
        self.locale = locale
        self.groups = list(groups)
        self.cis: list[dict[str, Any]] = []
        self.edges: list[tuple[uuid.UUID, str, uuid.UUID]] = []
        self._edge_set: set[tuple[uuid.UUID, str, uuid.UUID]] = set()
        self.by_class: dict[str, list[uuid.UUID]] = {}
        self._n = 0

    def ci(self, cls: str, name: str, criticality: int = 3, location: uuid.UUID | None = None,
           env: str = Environment.PRODUCTION, **attrs: Any) -> uuid.UUID:
        self._n += 1
        ci_id = uuid7()
        status = CiStatus.IN_USE
        roll = self.rng.random()
        if roll < 0.03:
            status = CiStatus.MAINTENANCE
        elif roll < 0.05:
            status = CiStatus.PLANNED
        elif roll < 0.06 and cls not in ("business_service", "location"):
            status = CiStatus.RETIRED
        self.cis.append({
            "id": ci_id, "name": name, "class_id": BUILTIN_CLASS_IDS[cls],
            "status": str(status), "environment": str(env), "criticality": criticality,
            "owner_group_id": self.rng.choice(self.groups) if self.groups else None,
            "location_id": location,
            "asset_tag": f"AT{100000 + self._n}" if cls in ("server", "network_device",
                                                            "storage", "workstation") else None,
            "serial": f"SN{self.rng.getrandbits(40):010X}" if cls in (
                "server", "network_device", "storage", "workstation") else None,
            "external_id": f"demo:{cls}:{self._n}",
            "attributes": {k: v for k, v in attrs.items() if v is not None},
        })
        self.by_class.setdefault(cls, []).append(ci_id)
        return ci_id

    def rel(self, a: uuid.UUID, t: RelType, b: uuid.UUID) -> None:
        # Random picks can repeat an edge; the CMDB allows one edge per (source, type, target).
        edge = (a, str(t), b)
        if edge not in self._edge_set:
            self._edge_set.add(edge)
            self.edges.append(edge)

    def build(self) -> None:
        rng = self.rng
        city = {"en": lambda n: n.split()[0], "zh_CN": lambda n: n[:2]}[self.locale]
        dcs = [self.ci("location", n, 1, city=city(n)) for n in _DATA_CENTRES[self.locale]]
        offices = [self.ci("location", n, 2)
                   for n in demo_vocab.load(self.locale).POOLS["site"]]
        hosts_by_dc: dict[uuid.UUID, list[uuid.UUID]] = {}
        storage_by_dc: dict[uuid.UUID, list[uuid.UUID]] = {}
        for d, dc in enumerate(dcs, 1):
            cores = [self.ci("network_device", f"dc{d}-core-{i}", 1, dc, vendor="Cisco",
                             model="Nexus 9500") for i in (1, 2)]
            fws = [self.ci("network_device", f"dc{d}-fw-{i}", 1, dc, vendor="Palo Alto",
                           model="PA-5450") for i in (1, 2)]
            for fw in fws:
                self.rel(fw, RelType.CONTAINED_IN, dc)
                for core in cores:
                    self.rel(core, RelType.CONNECTS_TO, fw)
            tors = []
            for i in range(1, 7):
                tor = self.ci("network_device", f"dc{d}-tor-{i:02d}", 2, dc, vendor="Arista",
                              model="7050X")
                self.rel(tor, RelType.CONTAINED_IN, dc)
                for core in cores:
                    self.rel(tor, RelType.CONNECTS_TO, core)
                tors.append(tor)
            for core in cores:
                self.rel(core, RelType.CONTAINED_IN, dc)
            storage_by_dc[dc] = []
            for i in range(1, 4):
                st = self.ci("storage", f"dc{d}-san-{i}", 1, dc, vendor="NetApp",
                             capacity_tb=rng.choice([120, 240, 480]))
                self.rel(st, RelType.CONTAINED_IN, dc)
                self.rel(st, RelType.CONNECTS_TO, tors[i % len(tors)])
                storage_by_dc[dc].append(st)
            hosts_by_dc[dc] = []
            for i in range(1, names.ESX_PER_DC + 1):
                h = self.ci("server", names.esx(d, i), 2, dc, os="VMware ESXi 8",
                            cpu_cores=rng.choice([32, 48, 64]),
                            memory_gb=rng.choice([512, 768, 1024]),
                            ip_address=f"10.{d}.0.{i}")
                self.rel(h, RelType.CONTAINED_IN, dc)
                self.rel(h, RelType.CONNECTS_TO, tors[i % len(tors)])
                hosts_by_dc[dc].append(h)
        vms: list[tuple[uuid.UUID, uuid.UUID]] = []  # (vm, dc)
        for i in range(1, names.VMS + 1):
            dc = rng.choice(dcs)
            env = rng.choices([Environment.PRODUCTION, Environment.TEST,
                               Environment.DEVELOPMENT], [70, 20, 10])[0]
            vm = self.ci("virtual_machine", names.vm(i), rng.choice([2, 3, 3, 4]), dc, env,
                         os=rng.choice(["RHEL 9", "Ubuntu 22.04", "Windows Server 2022"]),
                         vcpus=rng.choice([2, 4, 8, 16]), memory_gb=rng.choice([8, 16, 32, 64]),
                         ip_address=f"10.{dcs.index(dc) + 1}.{i // 250 + 1}.{i % 250 + 1}")
            self.rel(vm, RelType.RUNS_ON, rng.choice(hosts_by_dc[dc]))
            self.rel(vm, RelType.BACKED_UP_BY, rng.choice(storage_by_dc[dc]))
            vms.append((vm, dc))
        dbs = []
        for i in range(1, names.DATABASES + 1):
            engine, version = rng.choice(_DB_ENGINES)
            d = self.ci("database", names.database(i), rng.choice([1, 2, 2, 3]),
                        engine=engine, version=version, size_gb=rng.choice([50, 200, 800, 2000]))
            if rng.random() < 0.15:
                dc = rng.choice(dcs)
                self.rel(d, RelType.RUNS_ON, rng.choice(hosts_by_dc[dc]))
            else:
                self.rel(d, RelType.RUNS_ON, rng.choice(vms)[0])
            dbs.append(d)
        apps = []
        shared = []
        for i in range(1, 261):
            word = rng.choice(names.APP_WORDS)
            a = self.ci("application", f"app-{word}-{i:03d}", rng.choice([1, 2, 2, 3]),
                        version=f"{rng.randint(1, 9)}.{rng.randint(0, 20)}",
                        vendor=rng.choice(["in-house", "SAP", "Microsoft", "Salesforce",
                                           "Oracle"]))
            for vm, _dc in rng.sample(vms, rng.randint(1, 3)):
                self.rel(a, RelType.RUNS_ON, vm)
            for d in rng.sample(dbs, rng.randint(0, 2)):
                self.rel(a, RelType.DEPENDS_ON, d)
            if shared and rng.random() < 0.3:
                self.rel(a, RelType.DEPENDS_ON, rng.choice(shared))
            if i <= 12:
                shared.append(a)
            apps.append(a)
        # Two shared components that call each other: a real-world cycle.
        self.rel(shared[0], RelType.DEPENDS_ON, shared[1])
        self.rel(shared[1], RelType.DEPENDS_ON, shared[0])
        services = []
        for i, name in enumerate(_SERVICES[self.locale]):
            s = self.ci("business_service", name, 1 if i < 10 else rng.choice([1, 2, 3]),
                        service_owner=rng.choice(["A. Müller", "J. Smith", "L. Chen",
                                                  "M. Rossi"]),
                        service_hours=rng.choice(["24x7", "Mon-Fri 08-18"]))
            for a in rng.sample(apps, rng.randint(2, 6)):
                self.rel(s, RelType.DEPENDS_ON, a)
            services.append(s)
        identity = services[10]
        for s in services:
            if s != identity and rng.random() < 0.5:
                self.rel(s, RelType.DEPENDS_ON, identity)
        office_switch: dict[uuid.UUID, uuid.UUID] = {}
        # The first data centre is the WAN hub: its first core switch is the uplink of a few
        # offices, its second core of the others.
        dc1_cores = self.by_class["network_device"][:2]
        for o, office in enumerate(offices, 1):
            sw = self.ci("network_device", names.office_switch(o), 2, office, vendor="HPE",
                         model="Aruba 6300")
            self.rel(sw, RelType.CONTAINED_IN, office)
            self.rel(sw, RelType.CONNECTS_TO,
                     dc1_cores[0 if o <= names.OFFICES_ON_CORE_1 else 1])
            office_switch[office] = sw
        # Wi-Fi and printing in an office need its switch (access points and printers hang
        # off it): a switch down is a service outage, not just a few dark desks.
        for s in (services[_PRINTING], services[_WIFI]):
            for sw in office_switch.values():
                self.rel(s, RelType.DEPENDS_ON, sw)
        for i in range(1, names.WORKSTATIONS + 1):
            office = rng.choice(offices)
            w = self.ci("workstation", names.workstation(i), 4, office,
                        os=rng.choice(["Windows 11", "macOS 14", "Ubuntu 24.04"]),
                        assigned_to=f"user{i:05d}")
            self.rel(w, RelType.CONTAINED_IN, office)
            self.rel(w, RelType.CONNECTS_TO, office_switch[office])

    def link_tickets(self, tickets: Sequence[Any]) -> list[tuple[uuid.UUID, uuid.UUID]]:
        """(ticket, CI) pairs: each ticket with the CIs its title and description name."""
        by_name = {row["name"]: row["id"] for row in self.cis
                   if names.CI_NAME.fullmatch(row["name"])}
        links: list[tuple[uuid.UUID, uuid.UUID]] = []
        for ticket_id, title, description in tickets:
            found = dict.fromkeys(names.CI_NAME.findall(f"{title}\n{description or ''}"))
            links.extend((ticket_id, by_name[n]) for n in found if n in by_name)
        return links
