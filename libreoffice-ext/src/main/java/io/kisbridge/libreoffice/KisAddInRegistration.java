package io.kisbridge.libreoffice;

import com.sun.star.lang.XSingleComponentFactory;
import com.sun.star.lib.uno.helper.Factory;

/** What LibreOffice's Java loader calls (named by the jar manifest's RegistrationClassName). */
public final class KisAddInRegistration {
    private KisAddInRegistration() {
    }

    public static XSingleComponentFactory __getComponentFactory(String implementationName) {
        if (KisAddIn.IMPLEMENTATION_NAME.equals(implementationName)) {
            return Factory.createComponentFactory(KisAddIn.class, KisAddIn.SERVICE_NAMES);
        }
        return null;
    }
}
