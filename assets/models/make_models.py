#!/usr/bin/env python3
"""Writes the viewer's low-poly equipment models (assets/models/*.obj) from simple solids.

Each model is built from boxes, prisms (n-sided cylinders) and a low-poly sphere, then scaled
into the unit box [-0.5, 0.5]^3 (x along the machine's long axis, z up); the viewer stretches it
to the equipment's glyph box and colours it by the equipment's state. Made by the ParkTwin
project; the script and the files it writes are under the repository's licence (see
assets/models/README.md). Run: python3 assets/models/make_models.py (standard library only).
"""
import math
import os


class Mesh:
    def __init__(self):
        self.v = []
        self.f = []

    def quad(self, a, b, c, d):
        n = len(self.v)
        self.v += [a, b, c, d]
        self.f.append((n, n + 1, n + 2, n + 3))

    def poly(self, points):
        n = len(self.v)
        self.v += points
        self.f.append(tuple(range(n, n + len(points))))

    def box(self, x0, y0, z0, x1, y1, z1):
        p = [(x, y, z) for z in (z0, z1) for y in (y0, y1) for x in (x0, x1)]
        for i in ((0, 2, 3, 1), (4, 5, 7, 6), (0, 1, 5, 4), (2, 6, 7, 3), (0, 4, 6, 2), (1, 3, 7, 5)):
            self.poly([p[k] for k in i])

    def prism(self, centre, radius, length, axis="z", sides=8):
        """An n-sided cylinder centred at `centre`, of `length` along `axis`."""
        def point(angle, t):
            u, w = radius * math.cos(angle), radius * math.sin(angle)
            x, y, z = centre
            if axis == "z":
                return (x + u, y + w, z + t)
            if axis == "x":
                return (x + t, y + u, z + w)
            return (x + u, y + t, z + w)
        h = length / 2
        ring = [2 * math.pi * (k + 0.5) / sides for k in range(sides)]
        for k in range(sides):
            a, b = ring[k], ring[(k + 1) % sides]
            self.quad(point(a, -h), point(b, -h), point(b, h), point(a, h))
        self.poly([point(a, h) for a in ring])
        self.poly([point(a, -h) for a in reversed(ring)])

    def sphere(self, centre, radius, rings=4, sides=8):
        cx, cy, cz = centre
        def p(i, k):
            lat = math.pi * i / rings - math.pi / 2
            lon = 2 * math.pi * k / sides
            return (cx + radius * math.cos(lat) * math.cos(lon),
                    cy + radius * math.cos(lat) * math.sin(lon), cz + radius * math.sin(lat))
        for i in range(rings):
            for k in range(sides):
                a, b, c, d = p(i, k), p(i, k + 1), p(i + 1, k + 1), p(i + 1, k)
                self.poly([a, b, c] if i == rings - 1 else [a, b, c, d] if i else [a, c, d])

    def write(self, path, name, title):
        lo = [min(v[i] for v in self.v) for i in range(3)]
        hi = [max(v[i] for v in self.v) for i in range(3)]
        with open(path, "w") as out:
            out.write(f"# {title}\n# ParkTwin low-poly model, written by make_models.py; "
                      "scaled into the unit box, z up.\n")
            out.write(f"o {name}\n")
            for v in self.v:
                u = [(v[i] - lo[i]) / (hi[i] - lo[i]) - 0.5 for i in range(3)]
                out.write("v {:.4f} {:.4f} {:.4f}\n".format(*u))
            for face in self.f:
                out.write("f " + " ".join(str(k + 1) for k in face) + "\n")


def pump():
    m = Mesh()
    m.box(0, 0, 0, 1.2, 0.6, 0.08)                        # base plate
    m.prism((0.35, 0.3, 0.33), 0.22, 0.6, "x", 10)         # motor
    m.prism((0.92, 0.3, 0.35), 0.27, 0.22, "x", 10)        # volute
    m.prism((0.92, 0.3, 0.7), 0.08, 0.3, "z", 8)           # discharge
    return m


def fan():
    m = Mesh()
    m.prism((0.5, 0.5, 0.2), 0.5, 0.4, "z", 12)            # housing ring
    m.prism((0.5, 0.5, 0.45), 0.14, 0.1, "z", 8)           # hub
    for k in range(3):                                     # guard bars
        a = k * math.pi / 3
        m.box(0.5 - 0.48 * math.cos(a) - 0.02, 0.5 - 0.48 * math.sin(a) - 0.02, 0.4,
              0.5 + 0.48 * math.cos(a) + 0.02, 0.5 + 0.48 * math.sin(a) + 0.02, 0.44)
    return m


def compressor():
    m = Mesh()
    m.box(0, 0, 0, 1.1, 1.0, 1.0)                          # enclosure
    m.box(0.25, 0.2, 1.0, 0.85, 0.8, 1.12)                 # cooler grille
    m.prism((1.45, 0.5, 0.6), 0.3, 1.2, "z", 10)           # receiver tank
    m.sphere((1.45, 0.5, 1.2), 0.3, 3, 10)
    return m


def conveyor():
    m = Mesh()
    m.box(0, 0.05, 0.3, 2.0, 0.4, 0.38)                    # belt
    for x in (0.05, 1.95):
        m.prism((x, 0.225, 0.34), 0.07, 0.4, "y", 8)       # end rollers
        m.box(x - 0.04, 0.05, 0, x + 0.04, 0.1, 0.3)       # legs
        m.box(x - 0.04, 0.35, 0, x + 0.04, 0.4, 0.3)
    return m


def machine():
    m = Mesh()
    m.box(0, 0, 0, 1.2, 1.0, 0.8)                          # bed
    m.box(0.15, 0.55, 0.8, 0.75, 0.95, 1.35)               # head
    m.box(1.0, 0.0, 0.5, 1.3, 0.3, 1.2)                    # control panel
    return m


def charger():
    m = Mesh()
    m.box(0, 0, 0, 0.5, 0.5, 0.1)                          # plinth
    m.box(0.05, 0.1, 0.1, 0.45, 0.4, 1.8)                  # pillar
    m.box(0.1, 0.05, 1.2, 0.4, 0.1, 1.6)                   # screen
    m.prism((0.25, 0.0, 0.9), 0.05, 0.3, "y", 6)           # holster
    return m


def hvac():
    m = Mesh()
    m.box(0, 0, 0, 1.5, 1.0, 0.8)                          # casing
    for x in (0.4, 1.1):
        m.prism((x, 0.5, 0.86), 0.28, 0.12, "z", 10)       # fans
    return m


def cabinet():
    m = Mesh()
    m.box(0, 0, 0, 0.7, 0.6, 1.5)                          # cabinet
    m.box(0.05, -0.03, 0.1, 0.65, 0.0, 1.4)                # door
    m.box(0.0, 0.0, 1.5, 0.7, 0.6, 1.55)                   # cap
    return m


def transformer():
    m = Mesh()
    m.box(0.2, 0.1, 0, 1.0, 0.9, 1.0)                      # tank
    for k in range(5):                                     # radiator fins both sides
        y = 0.15 + 0.17 * k
        m.box(0.0, y, 0.1, 0.2, y + 0.05, 0.9)
        m.box(1.0, y, 0.1, 1.2, y + 0.05, 0.9)
    for k in range(3):                                     # bushings
        m.prism((0.4 + 0.2 * k, 0.5, 1.15), 0.05, 0.3, "z", 6)
    return m


def battery():
    m = Mesh()
    m.box(0, 0, 0, 2.4, 1.0, 1.1)                          # container
    for k in range(7):                                     # ribs
        x = 0.1 + 0.35 * k
        m.box(x, -0.03, 0.05, x + 0.05, 1.03, 1.05)
    m.box(2.0, 0.2, 1.1, 2.3, 0.8, 1.3)                    # cooling unit
    return m


def inverter():
    m = Mesh()
    m.box(0, 0.2, 0, 0.8, 0.5, 0.7)                        # enclosure
    for k in range(6):                                     # heat-sink fins
        x = 0.08 + 0.12 * k
        m.box(x, 0.5, 0.1, x + 0.04, 0.6, 0.6)
    m.box(0, 0, 0, 0.8, 0.2, 0.05)                         # foot
    return m


def tree():
    m = Mesh()
    m.prism((0.5, 0.5, 0.2), 0.06, 0.4, "z", 6)            # trunk
    m.sphere((0.5, 0.5, 0.65), 0.45, 4, 8)                 # crown
    return m


MODELS = {
    "pump": (pump, "Centrifugal pump on a base plate with its motor"),
    "fan": (fan, "Axial fan in its housing"),
    "compressor": (compressor, "Packaged air compressor with its receiver"),
    "conveyor": (conveyor, "Belt conveyor section"),
    "machine": (machine, "Machine tool (bed, head, control panel)"),
    "charger": (charger, "EV charging post"),
    "hvac": (hvac, "Air-conditioning unit with two fans"),
    "cabinet": (cabinet, "Equipment cabinet"),
    "transformer": (transformer, "Oil-immersed distribution transformer"),
    "battery": (battery, "Battery storage container"),
    "inverter": (inverter, "String inverter"),
    "tree": (tree, "Tree"),
}

if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    for name, (build, title) in MODELS.items():
        build().write(os.path.join(here, name + ".obj"), name, title)
