"""Build the dashboard's world basemap (country outlines as GeoJSON) from a TopoJSON file.

The source is ``countries-110m.json`` from the npm package ``world-atlas`` version 2.0.2
(ISC licence, by Mike Bostock; derived from Natural Earth 1:110m Admin 0 countries, public domain).
The output is ``src/hoptac/web/static/basemap/countries.geojson``: a FeatureCollection of
Polygon / MultiPolygon features with properties ``{"id": <ISO 3166-1 numeric id as a string, or null>,
"name": <country name>}``, coordinates rounded to 2 decimals.

Rings that cross the antimeridian (e.g. Fiji, Russia) are made continuous by shifting longitudes by
±360 so that Leaflet does not draw horizontal stripes across the map; such rings may then extend
slightly beyond ±180, which Leaflet draws fine.

To regenerate (pure Python, no dependencies beyond the standard library)::

    cd "$(mktemp -d)" && npm pack world-atlas@2.0.2
    python -m hoptac.web.build_basemap world-atlas-2.0.2.tgz

The input may be either the npm tarball (``package/countries-110m.json`` is read from it) or the
extracted ``countries-110m.json`` itself. Use ``-o PATH`` to write somewhere else.
"""

from __future__ import annotations

import argparse
import json
import sys
import tarfile
from itertools import pairwise
from pathlib import Path
from typing import Any

DEFAULT_OUTPUT = Path(__file__).resolve().parent / "static" / "basemap" / "countries.geojson"
TARBALL_MEMBER = "package/countries-110m.json"
OBJECT_NAME = "countries"
PRECISION = 2

Point = tuple[float, float]
Ring = list[Point]


def load_topology(source: Path) -> dict[str, Any]:
    """Read a TopoJSON topology from a .json file or from the world-atlas npm tarball."""
    if source.name.endswith((".tgz", ".tar.gz")):
        with tarfile.open(source, "r:gz") as tar:
            member = tar.extractfile(TARBALL_MEMBER)
            if member is None:
                raise FileNotFoundError(f"{TARBALL_MEMBER} not found in {source}")
            return json.load(member)
    with source.open(encoding="utf-8") as fh:
        return json.load(fh)


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """Return every arc as absolute [lon, lat] points, undoing quantisation and delta encoding."""
    transform = topology.get("transform")
    arcs: list[list[Point]] = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(p[0]), float(p[1])) for p in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points: list[Point] = []
        for p in arc:
            x += p[0]
            y += p[1]
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def stitch_ring(arc_indexes: list[int], arcs: list[list[Point]]) -> Ring:
    """Join the arcs of one ring; a negative index ~i means arc i reversed."""
    ring: Ring = []
    for index in arc_indexes:
        points = arcs[~index][::-1] if index < 0 else arcs[index]
        # Each arc starts where the previous one ended: skip the duplicated joint.
        ring.extend(points[1:] if ring else points)
    return ring


def unwrap_antimeridian(ring: Ring) -> Ring:
    """Shift longitudes by ±360 so that no two consecutive points are more than 180° apart.

    A ring that goes all the way round the globe (Antarctica) cannot be made continuous this way;
    it is closed along the pole instead (see close_polar_ring).
    """
    if len(ring) < 2:
        return ring
    out: Ring = [ring[0]]
    offset = 0.0
    for (prev_lon, _), (lon, lat) in pairwise(ring):
        delta = lon - prev_lon
        if delta > 180:
            offset -= 360
        elif delta < -180:
            offset += 360
        out.append((lon + offset, lat))
    if offset != 0:
        return close_polar_ring(ring)
    # Put the ring's bulk on the usual side of the map.
    mean_lon = sum(lon for lon, _ in out) / len(out)
    if mean_lon > 180:
        out = [(lon - 360, lat) for lon, lat in out]
    elif mean_lon < -180:
        out = [(lon + 360, lat) for lon, lat in out]
    return out


def close_polar_ring(ring: Ring) -> Ring:
    """Route a ring that encircles a pole down the ±180 meridians and along the pole.

    Without this the ring's jump from +180 to -180 would be drawn as a straight line across the
    whole map; with it the polygon is filled all the way to the edge of the map.
    """
    pole = -90.0 if sum(lat for _, lat in ring) < 0 else 90.0
    out: Ring = [ring[0]]
    for (prev_lon, _), point in pairwise(ring):
        if abs(point[0] - prev_lon) > 180:
            out.extend([(prev_lon, pole), (point[0], pole)])
        out.append(point)
    return out


def round_ring(ring: Ring) -> list[list[float]] | None:
    """Round to PRECISION decimals, drop repeated points, close the ring; None if it degenerates."""
    coords: list[list[float]] = []
    for lon, lat in ring:
        point = [round(lon, PRECISION), round(lat, PRECISION)]
        if not coords or coords[-1] != point:
            coords.append(point)
    if len(coords) > 1 and coords[0] == coords[-1]:
        coords.pop()
    if len(set(map(tuple, coords))) < 3:
        return None
    coords.append(list(coords[0]))
    return coords


def build_polygon(rings: list[list[int]], arcs: list[list[Point]]) -> list[list[list[float]]] | None:
    """Build one GeoJSON polygon (exterior ring then holes); None if the exterior degenerates."""
    out: list[list[list[float]]] = []
    for i, arc_indexes in enumerate(rings):
        coords = round_ring(unwrap_antimeridian(stitch_ring(arc_indexes, arcs)))
        if coords is None:
            if i == 0:
                return None
            continue
        out.append(coords)
    return out


def build_geometry(geometry: dict[str, Any], arcs: list[list[Point]]) -> dict[str, Any] | None:
    kind = geometry.get("type")
    if kind == "Polygon":
        polygons = [geometry["arcs"]]
    elif kind == "MultiPolygon":
        polygons = geometry["arcs"]
    else:
        return None
    built = [p for p in (build_polygon(rings, arcs) for rings in polygons) if p]
    if not built:
        return None
    if len(built) == 1:
        return {"type": "Polygon", "coordinates": built[0]}
    return {"type": "MultiPolygon", "coordinates": built}


def topology_to_geojson(topology: dict[str, Any], object_name: str = OBJECT_NAME) -> dict[str, Any]:
    """Convert one GeometryCollection object of a topology into a GeoJSON FeatureCollection."""
    arcs = decode_arcs(topology)
    features: list[dict[str, Any]] = []
    for geometry in topology["objects"][object_name]["geometries"]:
        geojson_geometry = build_geometry(geometry, arcs)
        if geojson_geometry is None:
            continue
        iso_id = geometry.get("id")
        name = (geometry.get("properties") or {}).get("name")
        feature: dict[str, Any] = {"type": "Feature"}
        if iso_id is not None:
            feature["id"] = iso_id
        feature["properties"] = {"id": iso_id, "name": name}
        feature["geometry"] = geojson_geometry
        features.append(feature)
    return {"type": "FeatureCollection", "features": features}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="world-atlas-2.0.2.tgz or countries-110m.json")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT, help="GeoJSON file to write")
    args = parser.parse_args(argv)

    collection = topology_to_geojson(load_topology(args.source))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    args.output.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {len(collection['features'])} features to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
