/**
 * Sends visitors without a session from staff pages to the sign-in page. Only a convenience:
 * every page and procedure authorizes again on its own.
 */
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { getAuthSecret } from "@/server/auth/secret";

export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: getAuthSecret() });
  if (token) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/logowanie";
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  matcher: [
    "/pulpit/:path*",
    "/profil/:path*",
    "/struktura/:path*",
    "/zastepstwa/:path*",
    "/admin/:path*",
    "/do-mnie/:path*",
    "/pisma/:path*",
    "/sprawy/:path*",
    "/kontakty/:path*",
    "/powiadomienia/:path*",
    "/poczta/:path*",
    "/podpisy/:path*",
    "/bip-redakcja/:path*",
  ],
};
