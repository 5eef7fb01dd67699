package pe.gob.regioncajamarca.participa.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Issue 19: the diagrams of processes/ are readable in Cockpit: no label (of an event, a gateway, a flow, a group)
 * covers another label or the shape of another element (e.g. "Recordatorio" over "Plazo vencido" on two boundary
 * events of the same task). Groups and expanded sub-processes contain other elements: as shapes they are not
 * obstacles (their own labels are).
 */
class DiagramLabelsTest {

    static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
    static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    record Box(String owner, String what, double x, double y, double w, double h) {
        boolean overlaps(Box o) {
            return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
        }

        @Override
        public String toString() {
            return what + " of " + owner + " [" + (int) x + "," + (int) y + " " + (int) w + "x" + (int) h + "]";
        }
    }

    static Stream<Path> models() throws Exception {
        return Files.list(Path.of("processes")).filter(p -> p.toString().endsWith(".bpmn")).sorted();
    }

    @ParameterizedTest
    @MethodSource("models")
    void noLabelCoversAnotherLabelOrAnotherElement(Path model) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(model.toFile());
        List<String> containers = new ArrayList<>();
        for (String tag : List.of("group", "subProcess", "participant", "lane", "transaction")) {
            NodeList n = doc.getElementsByTagNameNS(BPMN, tag);
            for (int i = 0; i < n.getLength(); i++) {
                containers.add(((Element) n.item(i)).getAttribute("id"));
            }
        }
        List<Box> labels = new ArrayList<>();
        List<Box> shapes = new ArrayList<>();
        for (String kind : List.of("BPMNShape", "BPMNEdge")) {
            NodeList n = doc.getElementsByTagNameNS(BPMNDI, kind);
            for (int i = 0; i < n.getLength(); i++) {
                Element di = (Element) n.item(i);
                String owner = di.getAttribute("bpmnElement");
                for (Element child : children(di)) {
                    if (child.getLocalName().equals("Bounds") && DC.equals(child.getNamespaceURI())
                            && !containers.contains(owner)) {
                        shapes.add(box(owner, "shape", child));
                    }
                    if (child.getLocalName().equals("BPMNLabel")) {
                        for (Element b : children(child)) {
                            if (b.getLocalName().equals("Bounds")) {
                                labels.add(box(owner, "label", b));
                            }
                        }
                    }
                }
            }
        }
        List<String> overlaps = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            Box a = labels.get(i);
            for (int j = i + 1; j < labels.size(); j++) {
                if (a.overlaps(labels.get(j))) {
                    overlaps.add(a + " covers " + labels.get(j));
                }
            }
            for (Box s : shapes) {
                if (!s.owner().equals(a.owner()) && a.overlaps(s)) {
                    overlaps.add(a + " covers " + s);
                }
            }
        }
        assertThat(shapes).as("shapes of " + model).isNotEmpty();
        assertThat(overlaps).as("labels overlapping in " + model).isEmpty();
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                out.add(c);
            }
        }
        return out;
    }

    private static Box box(String owner, String what, Element b) {
        return new Box(owner, what, Double.parseDouble(b.getAttribute("x")), Double.parseDouble(b.getAttribute("y")),
                Double.parseDouble(b.getAttribute("width")), Double.parseDouble(b.getAttribute("height")));
    }
}
