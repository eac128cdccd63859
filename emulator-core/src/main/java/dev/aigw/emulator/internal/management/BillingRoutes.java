package dev.aigw.emulator.internal.management;

import static dev.aigw.emulator.Permission.EDIT;
import static dev.aigw.emulator.Permission.READ;

import dev.aigw.emulator.internal.api.RouteTable;

/** The account billing routes B1-B12 (management-api-2.md 6.2) under {@code /client/v4}: one line per route. */
public final class BillingRoutes {

    private static final String BILLING = "/accounts/{account_id}/ai-gateway/billing";

    private BillingRoutes() {
    }

    public static RouteTable table(ManagementContext context) {
        BillingEndpoints billing = new BillingEndpoints(context.billing());
        return new RouteTable()
                .add("GET", BILLING + "/credit-balance", READ, billing::creditBalance)
                .add("GET", BILLING + "/invoice-history", READ, billing::invoiceHistory)
                .add("GET", BILLING + "/invoice-preview", READ, billing::invoicePreview)
                .add("GET", BILLING + "/usage-history", READ, billing::usageHistory)
                .add("POST", BILLING + "/topup", EDIT, billing::topUp)
                .add("POST", BILLING + "/topup/status", EDIT, billing::topupStatus)
                .add("GET", BILLING + "/topup/config", READ, billing::topupConfig)
                .add("POST", BILLING + "/topup/config", EDIT, billing::dashboardOnly)
                .add("DELETE", BILLING + "/topup/config", EDIT, billing::dashboardOnly)
                .add("GET", BILLING + "/spending-limit", READ, billing::spendingLimit)
                .add("POST", BILLING + "/spending-limit", EDIT, billing::createSpendingLimit)
                .add("DELETE", BILLING + "/spending-limit", EDIT, billing::deleteSpendingLimit);
    }
}
