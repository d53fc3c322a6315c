package io.kisbridge.libreoffice;

import com.sun.star.beans.PropertyValue;
import com.sun.star.lang.Locale;
import com.sun.star.lang.XMultiServiceFactory;
import com.sun.star.lang.XServiceInfo;
import com.sun.star.lang.XServiceName;
import com.sun.star.sheet.XAddIn;
import com.sun.star.sheet.XCompatibilityNames;
import com.sun.star.sheet.LocalizedName;
import com.sun.star.uno.Any;
import com.sun.star.uno.Type;
import com.sun.star.uno.UnoRuntime;
import com.sun.star.uno.XComponentContext;
import com.sun.star.container.XNameAccess;
import com.sun.star.sheet.XVolatileResult;
import io.kisbridge.libreoffice.internal.BridgeUrl;
import io.kisbridge.libreoffice.internal.CalcArgs;
import io.kisbridge.libreoffice.internal.FunctionCatalog;
import io.kisbridge.libreoffice.internal.LiveCells;
import io.kisbridge.libreoffice.internal.LiveFunctions;
import io.kisbridge.libreoffice.internal.Notifier;
import io.kisbridge.libreoffice.internal.PointCalls;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The Calc add-in: KIS.PRICE, KIS.QUOTE, KIS.HISTORY ... (every function of the bridge) and the live KIS.STREAM,
 * KIS.BOOK, KIS.FILLS, KIS.SCRIPT, as a thin client of the local bridge. Every function returns at once: a
 * {@link XVolatileResult} whose value fills in (and, for live cells, keeps changing) when the bridge answers.
 * One instance per office process (Calc creates the add-in once); it holds no KIS credentials.
 */
public final class KisAddIn extends KisFunctionsBase implements XAddIn, XServiceName, XServiceInfo, XCompatibilityNames {
    public static final String IMPLEMENTATION_NAME = "io.kisbridge.libreoffice.KisAddIn";
    public static final String[] SERVICE_NAMES = {"com.sun.star.sheet.AddIn", IMPLEMENTATION_NAME};
    /** Calc's own categories are fixed; an add-in's functions are listed under "Add-In" whatever it says. */
    static final String CATEGORY = "Add-In";
    static final String DISPLAY_PREFIX = "KIS.";

    private static final FunctionCatalog CATALOG = FunctionCatalog.load();
    private final XComponentContext context;
    private Locale locale = new Locale("en", "US", "");
    private volatile Clients clients;

    public KisAddIn(XComponentContext context) {
        this.context = context;
    }

    /** The bridge clients, made on first use (not when Calc merely lists the functions). */
    private Clients clients() {
        Clients c = clients;
        if (c == null) {
            synchronized (this) {
                if (clients == null) {
                    clients = new Clients(BridgeUrl.resolve(System.getenv(), this::bridgeUrlSetting));
                }
                c = clients;
            }
        }
        return c;
    }

    @Override
    protected Object call(String name, Object... args) {
        FunctionCatalog.Function f = CATALOG.get(name);
        Object result;
        try {
            Clients c = clients();
            result = f.live ? LiveFunctions.open(c.live, name, args)
                    : c.points.call(name, CalcArgs.texts(args), f.matrix);
        } catch (RuntimeException e) {
            result = "#N/A " + e.getMessage();
        }
        if (result instanceof XVolatileResult) {
            return new Any(new Type(XVolatileResult.class), result);
        }
        return result;
    }

    private String bridgeUrlSetting() {
        try {
            XMultiServiceFactory provider = UnoRuntime.queryInterface(XMultiServiceFactory.class,
                    context.getServiceManager().createInstanceWithContext(
                            "com.sun.star.configuration.ConfigurationProvider", context));
            PropertyValue path = new PropertyValue();
            path.Name = "nodepath";
            path.Value = "/io.kisbridge.libreoffice.Settings/Bridge";
            Object access = provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess",
                    new Object[] {path});
            Object url = UnoRuntime.queryInterface(XNameAccess.class, access).getByName("Url");
            return url instanceof String s ? s : null;
        } catch (Exception | LinkageError e) {
            return null; // no setting: the default
        }
    }

    // ---- XAddIn: names and help for the Function Wizard, from the generated function list ----

    @Override
    public String getProgrammaticFuntionName(String displayName) {
        String n = displayName.toUpperCase(java.util.Locale.ROOT);
        n = n.startsWith(DISPLAY_PREFIX) ? n.substring(DISPLAY_PREFIX.length()) : n;
        return CATALOG.get(n) != null ? n : "";
    }

    @Override
    public String getDisplayFunctionName(String programmaticName) {
        return DISPLAY_PREFIX + programmaticName;
    }

    @Override
    public String getFunctionDescription(String programmaticName) {
        FunctionCatalog.Function f = CATALOG.get(programmaticName);
        if (f == null) {
            return "";
        }
        return f.live ? f.description + " (live: updates by itself)" : f.description;
    }

    @Override
    public String getDisplayArgumentName(String programmaticName, int argument) {
        FunctionCatalog.Function f = CATALOG.get(programmaticName);
        return f != null && argument >= 0 && argument < f.argNames.size() ? f.argNames.get(argument) : "";
    }

    @Override
    public String getArgumentDescription(String programmaticName, int argument) {
        FunctionCatalog.Function f = CATALOG.get(programmaticName);
        return f != null && argument >= 0 && argument < f.argDescriptions.size() ? f.argDescriptions.get(argument) : "";
    }

    @Override
    public String getProgrammaticCategoryName(String programmaticName) {
        return CATEGORY;
    }

    @Override
    public String getDisplayCategoryName(String programmaticName) {
        return "KIS";
    }

    @Override
    public void setLocale(Locale l) {
        locale = l;
    }

    @Override
    public Locale getLocale() {
        return locale;
    }

    // ---- XCompatibilityNames: the name Excel files use (KIS.PRICE), so .xlsx export and import keep it ----

    @Override
    public LocalizedName[] getCompatibilityNames(String programmaticName) {
        if (CATALOG.get(programmaticName) == null) {
            return new LocalizedName[0];
        }
        return new LocalizedName[] {new LocalizedName(new Locale("en", "US", ""), DISPLAY_PREFIX + programmaticName)};
    }

    // ---- XServiceName, XServiceInfo ----

    @Override
    public String getServiceName() {
        return IMPLEMENTATION_NAME;
    }

    @Override
    public String getImplementationName() {
        return IMPLEMENTATION_NAME;
    }

    @Override
    public boolean supportsService(String service) {
        for (String s : SERVICE_NAMES) {
            if (s.equals(service)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String[] getSupportedServiceNames() {
        return SERVICE_NAMES.clone();
    }

    /** The HTTP client, the batcher and the stream, sharing one notifier thread. */
    private static final class Clients {
        final PointCalls points;
        final LiveCells live;

        Clients(URI bridge) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                    .version(HttpClient.Version.HTTP_1_1).build();
            Notifier notifier = new Notifier();
            points = new PointCalls(bridge, http, notifier, System::nanoTime);
            live = new LiveCells(bridge, http, notifier);
        }
    }
}
