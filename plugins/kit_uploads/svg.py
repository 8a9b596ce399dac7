"""Drawings (SVG) reduced to a safe subset: published byte for byte, or refused with the reason.

An SVG is parsed with the standard library's expat, never rewritten: it is published
byte for byte when every element and attribute is on the allowlist (`SVG_ELEMENTS`,
`SVG_ATTRIBUTES`, plus the inert namespaces of drawing programs, `EDITOR_NAMESPACES`),
and refused, with the reason, otherwise. Refused are scripts, event handlers (`on...`),
`<foreignObject>`, animation (it can turn a link into a script), links, a `<!DOCTYPE>`
(entities: XXE, billion laughs), processing instructions (`<?xml-stylesheet`), every
reference that leaves the file (`href` and `xlink:href` may only be `#fragment`, or a
`data:image/png|jpeg|gif|webp;base64` picture on `<image>`), `javascript:` anywhere, and
CSS (`style` attributes and `<style>`) with `@import`, `@font-face`, `image-set()`,
escapes, `expression()`, `//` or a `url()` other than `url(#fragment)`. A published
drawing can thus neither run a program nor fetch anything, even on hosts that send no
Content-Security-Policy (GitHub Pages).
"""

from __future__ import annotations

import re
from xml.parsers import expat

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"
EDITOR_NAMESPACES = frozenset({  # what drawing programs write; browsers ignore elements and attributes in them
    "http://www.inkscape.org/namespaces/inkscape", "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://creativecommons.org/ns#", "http://web.resource.org/cc/",
    "http://purl.org/dc/elements/1.1/", "http://ns.adobe.com/AdobeIllustrator/10.0/",
    "http://ns.adobe.com/AdobeSVGViewerExtensions/3.0/", "http://ns.adobe.com/Extensibility/1.0/",
    "http://ns.adobe.com/SaveForWeb/1.0/", "http://ns.adobe.com/Variables/1.0/", "http://ns.adobe.com/Graphs/1.0/",
    "http://www.bohemiancoding.com/sketch/ns", "http://www.serif.com/",
})
SVG_ELEMENTS = frozenset("""
    svg g defs symbol use title desc metadata switch style
    path rect circle ellipse line polyline polygon text tspan textPath image
    linearGradient radialGradient stop clipPath mask pattern marker filter
    feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting feDisplacementMap
    feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR feGaussianBlur feMerge feMergeNode
    feMorphology feOffset fePointLight feSpecularLighting feSpotLight feTile feTurbulence
""".split())
SVG_ATTRIBUTES = frozenset("""
    id class style lang tabindex role focusable version baseProfile width height viewBox preserveAspectRatio
    x y x1 y1 x2 y2 cx cy r rx ry fx fy fr d points pathLength transform dx dy rotate textLength lengthAdjust
    startOffset method spacing side offset gradientUnits gradientTransform spreadMethod
    clipPathUnits maskUnits maskContentUnits patternUnits patternContentUnits patternTransform
    markerWidth markerHeight markerUnits orient refX refY filterUnits primitiveUnits in in2 result
    stdDeviation mode type values operator k1 k2 k3 k4 flood-color flood-opacity lighting-color surfaceScale
    diffuseConstant specularConstant specularExponent kernelMatrix kernelUnitLength order divisor bias
    targetX targetY edgeMode preserveAlpha radius scale xChannelSelector yChannelSelector baseFrequency
    numOctaves seed stitchTiles azimuth elevation pointsAtX pointsAtY pointsAtZ limitingConeAngle z
    tableValues slope intercept amplitude exponent media requiredFeatures requiredExtensions systemLanguage
    externalResourcesRequired enable-background
    alignment-baseline baseline-shift clip clip-path clip-rule color color-interpolation
    color-interpolation-filters color-rendering cursor direction display dominant-baseline fill fill-opacity
    fill-rule filter font font-family font-size font-size-adjust font-stretch font-style font-variant
    font-weight glyph-orientation-horizontal glyph-orientation-vertical image-rendering isolation kerning
    letter-spacing marker marker-start marker-mid marker-end mask mask-type mix-blend-mode opacity overflow
    paint-order pointer-events shape-rendering stop-color stop-opacity stroke stroke-dasharray
    stroke-dashoffset stroke-linecap stroke-linejoin stroke-miterlimit stroke-opacity stroke-width
    text-anchor text-decoration text-rendering transform-origin unicode-bidi vector-effect visibility
    word-spacing writing-mode
""".split())
ATTRIBUTE_PREFIXES = ("aria-", "data-")  # inert: for assistive technology and scripts the page does not have
OTHER_ATTRIBUTES = frozenset({f"{XLINK_NS} title", f"{XLINK_NS} type", f"{XML_NS} lang", f"{XML_NS} space"})
REFERENCES = ("href", f"{XLINK_NS} href")
DANGEROUS_ELEMENTS = {
    "script": "a <script> element (a program that would run in the visitor's browser)",
    "foreignObject": "a <foreignObject> element (it can hold a web page with scripts)",
    "a": "a link (<a>), which can lead a visitor to any address",
    "iframe": "an <iframe> (another page inside the drawing)",
    "animate": "an animation (<animate>), which can turn a link into a script",
    "set": "an animation (<set>), which can turn a link into a script",
    "animateMotion": "an animation (<animateMotion>)",
    "animateTransform": "an animation (<animateTransform>)",
    "feImage": "an <feImage> element, which loads another file",
}
LOCAL_REFERENCE = re.compile(r"#[^\s\"'()<>]*")
DATA_PICTURE = re.compile(r"data:image/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*", re.IGNORECASE)
CSS_URL = re.compile(r"url\(\s*([^)]*)\)?", re.IGNORECASE)
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
CSS_LOADERS = ("@import", "@font-face", "image-set(", "expression(", "-moz-binding", "behavior:")
SCHEMES = ("javascript:", "vbscript:", "data:text/html", "data:application")
CONTROL = re.compile(r"[\x00-\x20]+")
SVG_FIX = "export the drawing again as plain SVG without it (in Inkscape: Save As > Optimized SVG)"


class UnsafeSvg(Exception):
    """What makes an SVG unsafe to publish, as the editor reads it."""


def local_name(name: str) -> str:
    return name.rsplit(" ", 1)[-1]


def shown(name: str) -> str:
    """An element or attribute name as the file writes it (xlink:href, not the namespace URI)."""
    namespace, _, local = name.rpartition(" ")
    return {XLINK_NS: f"xlink:{local}", XML_NS: f"xml:{local}"}.get(namespace, local)


def scheme_problem(value: str) -> str | None:
    """A javascript: (or similar) address hidden in a value, whatever spaces or case it is written with."""
    squeezed = CONTROL.sub("", value).lower()
    scheme = next((scheme for scheme in SCHEMES if scheme in squeezed), None)
    return f"a {scheme} address, which would run a program" if scheme else None


def url_problem(value: str) -> str | None:
    """A CSS url() that leaves the file; only url(#fragment) stays inside it."""
    for target in CSS_URL.findall(value):
        target = target.strip().strip("'\"").strip()
        if not target.startswith("#"):
            return f"url({target}), which loads another file or site"
    return None


def css_problem(css: str) -> str | None:
    """What in a style sheet or style attribute could load another file or run a program."""
    if "\\" in css:
        return "CSS escapes (\\), which can hide an address"
    bare = CSS_COMMENT.sub("", css).lower()
    loader = next((loader for loader in CSS_LOADERS if loader in bare), None)
    if loader:
        return f"CSS with {loader.rstrip('(:')}, which loads another file or runs a program"
    found = scheme_problem(bare) or url_problem(bare)
    if found:
        return found
    return "an address (//) in its CSS" if "//" in CSS_URL.sub("", bare) else None


def reference_problem(element: str, value: str) -> str | None:
    """href and xlink:href point inside the file (#id), or hold a picture on <image>."""
    value = value.strip()
    if LOCAL_REFERENCE.fullmatch(value):
        return None
    if element == "image" and DATA_PICTURE.fullmatch(value):
        return None
    return scheme_problem(value) or f"a reference to {value[:80]!r}, outside the drawing"


def attribute_problem(element: str, name: str, value: str) -> str | None:
    """Why one attribute may not be published, or None."""
    local = local_name(name)
    if local.lower().startswith("on"):
        return f"an event handler ({local}=), a program that would run in the visitor's browser"
    if name in REFERENCES:
        return reference_problem(element, value)
    if " " not in name and (name in SVG_ATTRIBUTES or name.startswith(ATTRIBUTE_PREFIXES)):
        return css_problem(value) if name == "style" else scheme_problem(value) or url_problem(value)
    if name in OTHER_ATTRIBUTES or name.split(" ")[0] in EDITOR_NAMESPACES:
        return scheme_problem(value)
    return f"an attribute {shown(name)} that is not allowed in a published drawing"


def element_problem(name: str) -> str | None:
    namespace, _, local = name.rpartition(" ")
    if local in DANGEROUS_ELEMENTS:
        return DANGEROUS_ELEMENTS[local]
    if (namespace == SVG_NS and local in SVG_ELEMENTS) or namespace in EDITOR_NAMESPACES:
        return None
    return f"an element <{local}> that is not allowed in a published drawing"


class _SvgChecker:
    """Walks an SVG with expat, raising UnsafeSvg at the first thing outside the allowlist."""

    def __init__(self) -> None:
        self.open: list[str] = []
        self.css: list[str] = []
        self.parser = expat.ParserCreate(namespace_separator=" ")
        self.parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        self.parser.StartDoctypeDeclHandler = self.doctype
        self.parser.EntityDeclHandler = self.doctype
        self.parser.ExternalEntityRefHandler = self.doctype
        self.parser.ProcessingInstructionHandler = self.instruction
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        self.parser.CharacterDataHandler = self.text

    def check(self, data: bytes) -> None:
        self.parser.Parse(data, True)

    def fail(self, what: str, element: str = "") -> None:
        where = f"at line {self.parser.CurrentLineNumber}" + (f", in <{element}>," if element else "")
        raise UnsafeSvg(f"{where} the drawing contains {what}; {SVG_FIX}")

    def doctype(self, *_) -> None:
        raise UnsafeSvg("the drawing starts with <!DOCTYPE ...>, which can declare entities that read files or "
                        "exhaust memory; delete the <!DOCTYPE ...> part at its top, or " + SVG_FIX)

    def instruction(self, target: str, _data: str) -> None:
        self.fail(f"a processing instruction <?{target} ...?>, which can load a style sheet from elsewhere")

    def start(self, name: str, attributes: dict[str, str]) -> None:
        if not self.open and name != f"{SVG_NS} svg":
            raise UnsafeSvg(f"its top element is <{local_name(name)}>, not <svg xmlns=\"{SVG_NS}\">; {SVG_FIX}")
        problem = element_problem(name)
        if problem:
            self.fail(problem)
        for attribute, value in attributes.items():
            problem = attribute_problem(local_name(name), attribute, value)
            if problem:
                self.fail(problem, local_name(name))
        self.open.append(name)

    def end(self, name: str) -> None:
        self.open.pop()
        if name == f"{SVG_NS} style":
            problem = css_problem("".join(self.css))
            self.css = []
            if problem:
                self.fail(problem, "style")

    def text(self, data: str) -> None:
        if self.open and self.open[-1] == f"{SVG_NS} style":
            self.css.append(data)


def svg_problem(data: bytes) -> str | None:
    """Why an SVG may not be published as it is, or None when every part of it is allowed."""
    try:
        _SvgChecker().check(data)
    except UnsafeSvg as unsafe:
        return str(unsafe)
    except expat.ExpatError as error:
        return f"it is not a well-formed SVG file ({expat.errors.messages.get(error.code, error)} at line " \
               f"{error.lineno}); {SVG_FIX}"
    return None
