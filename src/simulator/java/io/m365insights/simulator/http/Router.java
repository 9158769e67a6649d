package io.m365insights.simulator.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Method + path-pattern routing. A route is "graph" when it needs a bearer token and is subject to faults. */
final class Router {
    interface Handler {
        SimResponse handle(SimRequest request) throws Exception;
    }

    enum Area { GRAPH, TOKEN, DOWNLOAD, CONTROL }

    record Route(String method, Pattern pattern, Area area, Handler handler) {
    }

    record Match(Route route, Matcher matcher) {
    }

    private final List<Route> routes = new ArrayList<>();

    void add(String method, String regex, Area area, Handler handler) {
        routes.add(new Route(method, Pattern.compile(regex), area, handler));
    }

    /** The route for this path and method; empty when no path matches; a route with null handler = wrong method. */
    Optional<Match> find(String method, String path) {
        Match wrongMethod = null;
        for (Route r : routes) {
            Matcher m = r.pattern().matcher(path);
            if (m.matches()) {
                if (r.method().equalsIgnoreCase(method)) {
                    return Optional.of(new Match(r, m));
                }
                wrongMethod = new Match(new Route(r.method(), r.pattern(), r.area(), null), m);
            }
        }
        return Optional.ofNullable(wrongMethod);
    }
}
