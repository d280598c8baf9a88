// In-process Apache Jena ARQ driver for bench/bench.py.
// Usage: java JenaBench DATA_FILE FORMAT(nt|ttl|nq) QUERY_LIST TIMEOUT_S [--union]
// QUERY_LIST: one "name<TAB>path" per line (may be empty: load only).
// Prints one JSON object per line: the load, then each query (seconds = parse + execute +
// iterating every solution; results are counted, not serialised).
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.TimeUnit;
import org.apache.jena.atlas.lib.Sink;
import org.apache.jena.graph.Node;
import org.apache.jena.query.*;
import org.apache.jena.riot.*;
import org.apache.jena.sparql.core.*;

public class JenaBench {
  static String esc(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    return b.toString();
  }

  public static void main(String[] args) throws Exception {
    String file = args[0], fmt = args[1], list = args[2];
    long timeoutMs = (long) (Double.parseDouble(args[3]) * 1000);
    boolean union = args.length > 4 && args[4].equals("--union");
    Lang lang = fmt.equals("nq") ? Lang.NQUADS : fmt.equals("ttl") ? Lang.TURTLE : Lang.NTRIPLES;
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, "UTF-8");

    long t0 = System.nanoTime();
    DatasetGraph dsg = DatasetGraphFactory.create();  // what `arq.sparql --data` uses
    RDFParser.source(file).lang(lang).parse(dsg);
    long t1 = System.nanoTime();
    long n = dsg.getDefaultGraph().size();
    Iterator<Node> gi = dsg.listGraphNodes();
    while (gi.hasNext()) n += dsg.getGraph(gi.next()).size();
    out.printf(Locale.ROOT, "{\"event\":\"load\",\"seconds\":%.6f,\"triples\":%d}%n", (t1 - t0) / 1e9, n);
    if (union) {
      DatasetGraph u = DatasetGraphFactory.createGeneral();
      u.setDefaultGraph(dsg.getUnionGraph());
      Iterator<Node> it = dsg.listGraphNodes();
      while (it.hasNext()) { Node g = it.next(); u.addGraph(g, dsg.getGraph(g)); }
      dsg = u;
    }
    Dataset ds = DatasetFactory.wrap(dsg);

    for (String line : Files.readAllLines(Paths.get(list), StandardCharsets.UTF_8)) {
      if (line.isBlank()) continue;
      String[] parts = line.split("\t", 2);
      String name = parts[0];
      String status = "ok", err = "";
      long rows = 0;
      long q0 = System.nanoTime();
      try {
        Query q = QueryFactory.read(parts[1]);
        try (QueryExecution qe = QueryExecution.dataset(ds).query(q)
                 .timeout(timeoutMs, TimeUnit.MILLISECONDS).build()) {
          if (q.isSelectType()) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) { rs.next(); rows++; }
          } else if (q.isAskType()) {
            rows = qe.execAsk() ? 1 : 0;
          } else if (q.isConstructType()) {
            Iterator<org.apache.jena.graph.Triple> t = qe.execConstructTriples();
            while (t.hasNext()) { t.next(); rows++; }
          } else {
            Iterator<org.apache.jena.graph.Triple> t = qe.execDescribeTriples();
            while (t.hasNext()) { t.next(); rows++; }
          }
        }
      } catch (QueryCancelledException e) {
        status = "timeout";
      } catch (Throwable e) {
        status = "error";
        err = e.toString();
      }
      long q1 = System.nanoTime();
      out.printf(Locale.ROOT,
          "{\"event\":\"query\",\"name\":\"%s\",\"seconds\":%.6f,\"rows\":%d,\"status\":\"%s\",\"error\":\"%s\"}%n",
          esc(name), (q1 - q0) / 1e9, rows, status, esc(err.length() > 300 ? err.substring(0, 300) : err));
    }
  }
}
