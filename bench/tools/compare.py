"""Checks that our response and PostGraphile's answer the same: compare.py OP OURS.json POSTGRAPHILE.json.

Both are brought to one shape first (PostGraphile's generated names -> ours; Graph's license states -> our enum; License.unassigned = max(0, total -
assigned); a user's licenses in one canonical order, since PostGraphile cannot order by the SKU's part number).
Cursors differ by design and are not compared. Exit status 1, with the first differences, when they differ."""
import json
import re
import sys

op, ours_file, pgl_file = sys.argv[1:4]
ours = json.load(open(ours_file))
pgl = json.load(open(pgl_file))
for name, r in (("ours", ours), ("postgraphile", pgl)):
    if r.get("errors") or not r.get("data"):
        sys.exit(f"{op}: {name} answered errors: {json.dumps(r.get('errors'))[:500]}")


def enum(graph_state):
    """Graph's "ActiveWithError" is our enum ACTIVE_WITH_ERROR."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", graph_state).upper() if graph_state else graph_state


def licenses_of(assignments):
    return sorted(assignments, key=lambda a: json.dumps(a, sort_keys=True))


if op == "usage":
    a = sorted((p["periodStart"], p["app"], p["platform"], p["activeUsers"]) for p in ours["data"]["usage"])
    b = sorted((p["periodStart"], p["app"], p["platform"], p["activeUsers"])
               for p in pgl["data"]["usageSeries"]["nodes"])
elif op == "users":
    a = {"hasNextPage": ours["data"]["users"]["pageInfo"]["hasNextPage"],
         "nodes": [{"id": u["id"], "upn": u["userPrincipalName"], "name": u["displayName"],
                    "enabled": u["accountEnabled"], "lastActivityDate": u["lastActivityDate"],
                    "licenses": licenses_of([{"skuId": l["license"]["skuId"] if l["license"] else None,
                                              "sku": l["license"]["skuPartNumber"] if l["license"] else None,
                                              "group": l["assignedByGroupId"], "state": l["state"]}
                                             for l in u["licenses"]])}
                   for u in ours["data"]["users"]["nodes"]]}
    b = {"hasNextPage": pgl["data"]["allDirectoryUsers"]["pageInfo"]["hasNextPage"],
         "nodes": [{"id": u["rowId"], "upn": u["userPrincipalName"], "name": u["displayName"],
                    "enabled": u["accountEnabled"], "lastActivityDate": u["lastActivityDate"],
                    "licenses": licenses_of([{"skuId": l["skuBySkuId"]["skuId"] if l["skuBySkuId"] else None,
                                              "sku": l["skuBySkuId"]["skuPartNumber"] if l["skuBySkuId"] else None,
                                              "group": l["assignedByGroupId"], "state": enum(l["state"])}
                                             for l in u["licenseAssignmentsByUserId"]["nodes"]])}
                   for u in pgl["data"]["allDirectoryUsers"]["nodes"]]}
elif op == "licenses":
    a = [{"skuId": s["skuId"], "sku": s["skuPartNumber"], "total": s["total"], "assigned": s["assigned"],
          "unassigned": s["unassigned"], "inactive": s["inactiveCount"]} for s in ours["data"]["licenses"]]
    b = [{"skuId": s["skuId"], "sku": s["skuPartNumber"], "total": s["enabledUnits"], "assigned": s["consumedUnits"],
          "unassigned": max(0, s["enabledUnits"] - s["consumedUnits"]), "inactive": s["inactiveCount"]}
         for s in pgl["data"]["allSkus"]["nodes"]]
else:
    sys.exit(f"unknown operation {op}")

if a != b:
    sa, sb = json.dumps(a, indent=1).splitlines(), json.dumps(b, indent=1).splitlines()
    diff = [f"  ours: {x}\n  pgl:  {y}" for x, y in zip(sa, sb) if x != y][:5]
    sys.exit(f"{op}: responses differ ({len(sa)} vs {len(sb)} lines)\n" + "\n".join(diff))
size = len(a) if isinstance(a, list) else len(a["nodes"])
print(f"{op}: equal ({size} items)")
