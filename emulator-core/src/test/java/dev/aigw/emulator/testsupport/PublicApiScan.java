package dev.aigw.emulator.testsupport;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Lists every place where a module's public API shows a type its users must not depend on. The API is every public
 * type outside {@code .internal} packages (nested ones too) and its public and protected members: superclass and
 * interfaces, type parameters, fields, constructors and methods (inherited public ones included) with their
 * parameter, return and thrown types and every type argument inside them. A type may appear there if it is of
 * {@code java.*}, one of the emulator's own outside {@code .internal} and {@code .shaded.} packages, or of a package
 * the module declares part of its API (junit-jupiter-api for the JUnit 5 module, say); anything else is an offence:
 * an internal type, Jackson, Undertow, XNIO, a relocated copy, any other dependency.
 *
 * <p>Written with the JDK alone so that every module can run it as it is: as a program, {@code java -cp <the
 * module's test class path> <this file> <classes directory> [allowed package prefix ...]}, which prints the offences
 * and exits with 1 if there are any (see {@link #main}).
 */
public final class PublicApiScan {

    private static final String OURS = "dev.aigw.";

    private final List<String> allowed;
    private final List<String> offences = new ArrayList<>();

    private PublicApiScan(List<String> allowedPrefixes) {
        this.allowed = List.copyOf(allowedPrefixes);
    }

    /**
     * Scans the classes under {@code args[0]} (a module's {@code target/classes}), loaded from the class path,
     * allowing the package prefixes that follow; prints each offence on stdout and exits with 1 if there is any,
     * or with 2 if the directory holds no public type (a wrong directory would otherwise pass).
     */
    public static void main(String[] args) throws IOException {
        List<Class<?>> classes = classesIn(Path.of(args[0]), PublicApiScan.class.getClassLoader());
        if (classes.stream().noneMatch(PublicApiScan::isApi)) {
            System.out.println("no public type outside .internal packages under " + Path.of(args[0]).toAbsolutePath());
            System.exit(2);
        }
        List<String> found = offences(classes, Arrays.asList(args).subList(1, args.length));
        found.forEach(System.out::println);
        System.exit(found.isEmpty() ? 0 : 1);
    }

    /** Returns the classes compiled under {@code classesDirectory}, loaded (not initialised) by {@code loader}. */
    public static List<Class<?>> classesIn(Path classesDirectory, ClassLoader loader) throws IOException {
        try (Stream<Path> files = Files.walk(classesDirectory)) {
            List<String> names = files.map(classesDirectory::relativize).map(Path::toString)
                    .filter(f -> f.endsWith(".class") && !f.endsWith("module-info.class")
                            && !f.endsWith("package-info.class"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
                    .sorted().toList();
            List<Class<?>> classes = new ArrayList<>();
            for (String name : names) {
                try {
                    classes.add(Class.forName(name, false, loader));
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new IllegalStateException("cannot load " + name + " from the class path: " + e, e);
                }
            }
            return classes;
        }
    }

    /** Returns the offences of the API types among {@code classes}, one line each, sorted. */
    public static List<String> offences(List<Class<?>> classes, List<String> allowedPrefixes) {
        PublicApiScan scan = new PublicApiScan(allowedPrefixes);
        classes.stream().filter(PublicApiScan::isApi).sorted(Comparator.comparing(Class::getName))
                .forEach(scan::scanType);
        return scan.offences.stream().distinct().sorted().toList();
    }

    /** Tells whether a type belongs to the API: public (or protected in an extendable API type) and not internal. */
    static boolean isApi(Class<?> type) {
        if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass() || isInternal(type.getPackageName())) {
            return false;
        }
        Class<?> outer = type.getEnclosingClass();
        if (outer == null) {
            return Modifier.isPublic(type.getModifiers());
        }
        return isApi(outer) && (Modifier.isPublic(type.getModifiers())
                || Modifier.isProtected(type.getModifiers()) && !Modifier.isFinal(outer.getModifiers()));
    }

    private static boolean isInternal(String packageName) {
        return packageName.endsWith(".internal") || packageName.contains(".internal.");
    }

    private void scanType(Class<?> type) {
        String name = type.getName();
        check(name + " type parameters", type.getTypeParameters());
        if (type.getGenericSuperclass() != null) {
            check(name + " superclass", type.getGenericSuperclass());
        }
        check(name + " interfaces", type.getGenericInterfaces());
        for (Field field : type.getDeclaredFields()) {
            if (isApiMember(type, field.getModifiers(), field.isSynthetic())) {
                check(name + "." + field.getName(), field.getGenericType());
            }
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (isApiMember(type, constructor.getModifiers(), constructor.isSynthetic())) {
                checkExecutable(name + "." + signature(type.getSimpleName(), constructor), constructor);
            }
        }
        Set<Method> methods = new LinkedHashSet<>(Arrays.asList(type.getMethods()));
        Arrays.stream(type.getDeclaredMethods()).filter(m -> Modifier.isProtected(m.getModifiers())).forEach(methods::add);
        for (Method method : methods) {
            if (isApiMember(type, method.getModifiers(), method.isSynthetic() || method.isBridge())) {
                checkExecutable(name + "." + signature(method.getName(), method), method);
                check(name + "." + signature(method.getName(), method) + " return type", method.getGenericReturnType());
            }
        }
    }

    private static boolean isApiMember(Class<?> owner, int modifiers, boolean synthetic) {
        return !synthetic && (Modifier.isPublic(modifiers)
                || Modifier.isProtected(modifiers) && !Modifier.isFinal(owner.getModifiers()));
    }

    private void checkExecutable(String where, Executable executable) {
        check(where + " type parameters", executable.getTypeParameters());
        check(where + " parameters", executable.getGenericParameterTypes());
        check(where + " throws", executable.getGenericExceptionTypes());
    }

    private static String signature(String name, Executable executable) {
        return name + Arrays.stream(executable.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private void check(String where, Type... types) {
        Set<Type> seen = new HashSet<>();
        for (Type type : types) {
            visit(where, type, seen);
        }
    }

    /** Checks a type and every type inside it: arguments, bounds, array components, owners. */
    private void visit(String where, Type type, Set<Type> seen) {
        if (!seen.add(type)) {
            return;
        }
        if (type instanceof Class<?> c) {
            Class<?> element = c;
            while (element.isArray()) {
                element = element.getComponentType();
            }
            String problem = problem(element);
            if (problem != null) {
                offences.add(where + ": " + element.getName() + " (" + problem + ")");
            }
        } else if (type instanceof ParameterizedType p) {
            visit(where, p.getRawType(), seen);
            if (p.getOwnerType() != null) {
                visit(where, p.getOwnerType(), seen);
            }
            for (Type argument : p.getActualTypeArguments()) {
                visit(where, argument, seen);
            }
        } else if (type instanceof GenericArrayType a) {
            visit(where, a.getGenericComponentType(), seen);
        } else if (type instanceof WildcardType w) {
            Stream.concat(Arrays.stream(w.getUpperBounds()), Arrays.stream(w.getLowerBounds()))
                    .forEach(bound -> visit(where, bound, seen));
        } else if (type instanceof TypeVariable<?> v) {
            for (Type bound : v.getBounds()) {
                visit(where, bound, seen);
            }
        }
    }

    /** Returns why a type may not appear in the API, or {@code null} if it may. */
    private String problem(Class<?> type) {
        if (type.isPrimitive()) {
            return null;
        }
        String name = type.getName();
        if (name.contains(".shaded.")) {
            return "a relocated library type";
        }
        if (name.startsWith(OURS)) {
            return isInternal(type.getPackageName()) ? "an internal type" : null;
        }
        if (name.startsWith("java.") || allowed.stream().anyMatch(name::startsWith)) {
            return null;
        }
        if (name.startsWith("com.fasterxml.")) {
            return "a Jackson type";
        }
        if (name.startsWith("io.undertow.")) {
            return "an Undertow type";
        }
        if (name.startsWith("org.xnio.")) {
            return "an XNIO type";
        }
        return "a type of a dependency the module does not declare part of its API";
    }
}
