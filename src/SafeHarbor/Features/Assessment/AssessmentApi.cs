namespace SafeHarbor.Features.Assessment;

public static class AssessmentApi
{
    public static IServiceCollection AddAssessment(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapAssessment(this IEndpointRouteBuilder app) => app;
}
