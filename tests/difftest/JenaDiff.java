// Second reference engine for the differential test: Apache Jena ARQ (Debian libapache-jena-java),
// one JVM for a whole run. Reads lines "GRAPH_FILE<TAB>QUERY_FILE" on stdin and prints, per line,
// the SPARQL JSON results on one line, or "ERROR<TAB>message".
import java.io.*;
import java.nio.charset.StandardCharsets;
import org.apache.jena.query.*;
import org.apache.jena.rdf.model.*;
import org.apache.jena.riot.RDFDataMgr;

public class JenaDiff {
  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, "UTF-8");
    // Strict SPARQL: no extensions (without it STR(_:b) is "_:label" instead of an error).
    ARQ.setStrictMode();
    // ... but strict mode also switches REGEX to Xerces' XSD regular expressions, which have no
    // ^ and $ anchors (and throw on a missing flags argument): use Java's, as non-strict Jena does.
    ARQ.getContext().set(ARQ.regexImpl, ARQ.javaRegex);
    String graphPath = null;
    Model model = null;
    String line;
    while ((line = in.readLine()) != null) {
      String[] parts = line.split("\t");
      try {
        if (!parts[0].equals(graphPath)) {
          model = RDFDataMgr.loadModel(parts[0]);
          graphPath = parts[0];
        }
        Query query = QueryFactory.read(parts[1]);
        try (QueryExecution exec = QueryExecutionFactory.create(query, model)) {
          ByteArrayOutputStream buf = new ByteArrayOutputStream();
          if (query.isAskType()) {
            ResultSetFormatter.outputAsJSON(buf, exec.execAsk());
          } else {
            ResultSetFormatter.outputAsJSON(buf, exec.execSelect());
          }
          out.println(buf.toString("UTF-8").replace("\n", " "));
        }
      } catch (Exception e) {
        out.println("ERROR\t" + String.valueOf(e).replace("\n", " "));
      }
    }
  }
}
