dependencies {
    implementation(group = "org.example", name = "named", version = "1")
}
